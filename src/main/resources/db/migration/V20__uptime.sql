-- Maintenance windows, synthetic check results, heartbeats and fast-burn state (uptime SLA).
-- Times are epoch milliseconds (UTC) unless named otherwise.

-- A one-off window has starts_ms/ends_ms; a recurring one has rrule, dtstart (local date-time in
-- zone) and duration_s. service_id null = every service of the organization.
create table maintenance_window (
  id              varchar(40)  primary key,
  organization_id varchar(64)  not null,
  service_id      varchar(200),
  title           varchar(500) not null,
  starts_ms       bigint,
  ends_ms         bigint,
  rrule           varchar(500),
  dtstart         varchar(32),
  zone            varchar(64),
  duration_s      bigint,
  created_ms      bigint       not null,
  created_by      varchar(200)
);
create index maintenance_window_org on maintenance_window (organization_id, created_ms);

-- One row per check result envelope: replaying opsflow.checks adds nothing.
create table check_result (
  envelope_id     varchar(64)   primary key,
  organization_id varchar(64)   not null,
  service_id      varchar(200)  not null,
  check_id        varchar(200)  not null,
  ok              boolean       not null,
  at_ms           bigint        not null,
  latency_ms      bigint,
  detail          varchar(1000)
);
create index check_result_service on check_result (organization_id, service_id, at_ms);
create index check_result_at on check_result (at_ms);

create table heartbeat (
  organization_id varchar(64)  not null,
  source          varchar(200) not null,
  interval_ms     bigint       not null,
  grace_ms        bigint       not null,
  retention_ms    bigint       not null,
  last_beat_ms    bigint       not null,
  state           varchar(16)  not null,
  registered_ms   bigint       not null,
  changed_ms      bigint       not null,
  primary key (organization_id, source)
);
create index heartbeat_state on heartbeat (state, last_beat_ms);

-- Services whose uptime SLO is burning fast (an alert triggered, not yet resolved).
create table uptime_burn (
  organization_id varchar(64)  not null,
  service_id      varchar(200) not null,
  changed_ms      bigint       not null,
  burn_rate       double precision not null,
  primary key (organization_id, service_id)
);
