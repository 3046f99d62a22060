-- Kafka positions, committed in the same transaction as the work they stand for. On assignment a
-- consumer seeks here, so a database that lost its last commits re-reads exactly those records.
create table consumer_offset (
  group_id     varchar(200) not null,
  topic        varchar(249) not null,
  partition_no integer      not null,
  next_offset  bigint       not null,
  primary key (group_id, topic, partition_no)
);
