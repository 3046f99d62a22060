-- Workflow steps that wrote to opsflow's tables, one row per (subject, step, occurrence), written in
-- the step's own transaction. The engine runs a step again when its own transaction fails after
-- ours committed (an optimistic-locking conflict, a kill -9 before the job's commit); the second run
-- finds its key here, writes nothing and hands the engine the result kept with the key.
create table workflow_step (
  step_key    varchar(300)  primary key,
  result      varchar(4000) not null,
  recorded_ms bigint        not null
);
