-- Answers to Slack slash commands, posted to the request's response_url once the work is done: a
-- small outbox. The HTTP request writes a 'waiting' row keyed by what it waits for (wait_key: the
-- command's envelope id, or ticket:<id>:open / ticket:<id>:resolved) before it publishes; the
-- consumer that applies the work makes the row 'due' in the same transaction, with the outcome;
-- a dispatcher posts it ('sent'), retries what can pass, and gives up ('failed') after 5 attempts
-- or 30 minutes, Slack's own limits for a response_url. Rows still waiting after 30 minutes are
-- 'expired'. attempts is raised before each post. Times are epoch milliseconds.
create table slack_reply (
  id              varchar(36)   primary key,
  wait_key        varchar(200)  not null,
  kind            varchar(40)   not null,
  subject         varchar(400)  not null,
  scope           varchar(64),
  actor           varchar(200)  not null,
  response_url    varchar(2000) not null,
  status          varchar(20)   not null,
  outcome         varchar(20),
  detail          varchar(1000),
  attempts        integer       not null,
  created_ms      bigint        not null,
  next_attempt_ms bigint        not null,
  finished_ms     bigint,
  last_error      varchar(1000)
);
create index slack_reply_wait on slack_reply (wait_key, status);
create index slack_reply_due on slack_reply (status, next_attempt_ms);
