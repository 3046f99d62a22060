-- A quarantined mail belongs to the organization of its sender when the sender is known, so an SRE
-- of one organization sees only that organization's quarantine. Release records who and how.
alter table mail_quarantine add column organization_id varchar(64);
alter table mail_quarantine add column released_by varchar(200);
alter table mail_quarantine add column outcome varchar(1000);
create index mail_quarantine_org_idx on mail_quarantine (organization_id, received_at);
