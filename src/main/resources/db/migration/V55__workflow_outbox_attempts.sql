-- How many times the workflow dispatcher began delivering a signal. A signal never attempted
-- cannot have reached the engine, so its start skips the look-up for an existing process.
alter table workflow_outbox add column attempts integer default 0 not null;
