-- SLA clocks: one row per target an incident (or ticket) is measured against. The clock is kept
-- as its facts (start, target, pauses, stop) and recomputed on the business calendar when read;
-- due_ms is the deadline as last computed, for reports. Times are epoch milliseconds.
create table sla_clock (
  id              varchar(200)  primary key,
  subject_type    varchar(20)   not null,
  subject_id      varchar(200)  not null,
  kind            varchar(20)   not null,
  organization_id varchar(200)  not null,
  priority        varchar(10)   not null,
  started_ms      bigint        not null,
  pauses          varchar(4000) not null,
  stopped_ms      bigint,
  due_ms          bigint,
  warned_ms       bigint,
  breached_ms     bigint,
  met             boolean
);
create index sla_clock_subject on sla_clock (subject_id);
create index sla_clock_report on sla_clock (organization_id, kind, started_ms);
