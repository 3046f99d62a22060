-- Incidents opened (or caught) in a maintenance window: their response (war room, bridge, pages,
-- customer ticket, status reminders) is held back until a person escalates or the window ends.
-- released_ms is set then; resumed_ms once the escalation went on from the release.
create table incident_hold (
  incident_id  varchar(200) primary key,
  window_id    varchar(200) not null,
  window_title varchar(500) not null,
  held_until   bigint       not null,
  held_ms      bigint       not null,
  released_ms  bigint,
  released_by  varchar(300),
  resumed_ms   bigint
);
