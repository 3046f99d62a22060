-- A portal or console session is started by a person's password (user_id) or by a user API token
-- pasted into the sign-in form (token_id): each request re-checks that the user is active or the
-- token unrevoked. Expired sessions are found by expires_at.
alter table web_session add column token_id varchar(36) references api_token (id);
alter table web_session alter column user_id drop not null;
alter table web_session add constraint web_session_who_ck
  check ((user_id is null) <> (token_id is null));
create index web_session_expires_idx on web_session (expires_at);
