-- An alert row is written when the alert changes state, not on every repeat of its group:
-- repeats are counted on the incident (event_count, last_seen_at).
alter table incident_alert drop column notifications;
alter table incident_alert rename column last_seen_at to last_changed_at;
