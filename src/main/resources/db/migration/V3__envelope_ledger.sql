-- The ledger of applied envelope ids, compacted: ids as 16-byte UUIDs (other ids are hashed to
-- one), no secondary index; pruning scans by day in the background.
drop table processed_envelope;
create table envelope_ledger (
  id  uuid    primary key,
  applied_day integer not null
);
