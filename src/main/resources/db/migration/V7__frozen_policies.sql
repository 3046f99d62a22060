-- The escalation policy each incident froze when its process started, in its text form. Kept here
-- rather than as a process variable: engine string variables are limited to 4,000 characters on
-- some databases, and a policy with many levels and targets can be longer. The process keeps only
-- the policy id.
create table incident_policy (
  incident_id varchar(200) primary key,
  policy_id   varchar(200) not null,
  frozen      text         not null,
  frozen_ms   bigint       not null
);
