-- opsflow's own tables. Camunda keeps its ACT_* tables beside them in the same database.
-- Portable between H2 (embedded default) and PostgreSQL (production).

create table organization (
  id          varchar(64)  primary key,
  name        varchar(200) not null,
  created_at  timestamp with time zone not null,
  constraint organization_name_uk unique (name)
);

create table api_token (
  id              varchar(36)  primary key,
  kind            varchar(20)  not null,
  name            varchar(200) not null,
  organization_id varchar(64)  references organization (id),
  role            varchar(40),
  token_hash      varchar(64)  not null,
  hint            varchar(16)  not null,
  created_at      timestamp with time zone not null,
  revoked_at      timestamp with time zone,
  constraint api_token_hash_uk unique (token_hash)
);

create table incident (
  id              varchar(36)   primary key,
  organization_id varchar(64)   not null,
  integration_id  varchar(36)   not null,
  source          varchar(32)   not null,
  alert_key       varchar(2048) not null,
  open_key        varchar(64),
  title           varchar(1024) not null,
  severity        varchar(32),
  priority        varchar(8),
  status          varchar(16)   not null,
  alert_count     integer       not null,
  event_count     bigint        not null,
  labels          text,
  opened_at       timestamp with time zone not null,
  last_seen_at    timestamp with time zone not null,
  acknowledged_at timestamp with time zone,
  acknowledged_by varchar(200),
  resolved_at     timestamp with time zone,
  resolved_by     varchar(200),
  version         bigint        not null,
  constraint incident_open_key_uk unique (open_key)
);
create index incident_org_status_idx on incident (organization_id, status, opened_at);
create index incident_opened_idx on incident (opened_at, id);

create table incident_alert (
  id            varchar(36)   primary key,
  incident_id   varchar(36)   not null references incident (id),
  fingerprint   varchar(512)  not null,
  firing        boolean       not null,
  summary       varchar(2048),
  labels        text,
  first_seen_at timestamp with time zone not null,
  last_seen_at  timestamp with time zone not null,
  notifications bigint        not null,
  constraint incident_alert_uk unique (incident_id, fingerprint)
);

create sequence timeline_seq start with 1 increment by 50;
create table timeline_entry (
  id          bigint        primary key,
  incident_id varchar(36)   not null references incident (id),
  at          timestamp with time zone not null,
  kind        varchar(40)   not null,
  actor       varchar(200),
  message     varchar(4000) not null
);
create index timeline_incident_idx on timeline_entry (incident_id, id);

-- Envelope ids already applied: consumers are idempotent by CloudEvents id.
create table processed_envelope (
  id           varchar(64) primary key,
  processed_at timestamp with time zone not null
);
create index processed_envelope_at_idx on processed_envelope (processed_at);

-- Transactional outboxes, drained after commit (at least once; receivers dedupe by id).
create sequence outbox_seq start with 1 increment by 50;
create table event_outbox (
  id          bigint       primary key,
  topic       varchar(200) not null,
  record_key  varchar(200) not null,
  payload     text         not null,
  created_at  timestamp with time zone not null
);

create table workflow_outbox (
  id              bigint      primary key,
  incident_id     varchar(36) not null,
  organization_id varchar(64) not null,
  kind            varchar(16) not null,
  actor           varchar(200),
  at              timestamp with time zone not null
);
