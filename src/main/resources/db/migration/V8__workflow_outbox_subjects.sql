-- The workflow outbox also carries SLA clock signals, whose subject is a clock id
-- ("<incident id>:response"), longer than an incident id.
alter table workflow_outbox alter column incident_id set data type varchar(200);
