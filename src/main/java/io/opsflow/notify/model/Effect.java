package io.opsflow.notify.model;

import io.opsflow.escalation.model.User;
import java.util.List;
import java.util.Objects;

/**
 * An external effect an incident's state change causes: a war-room channel, a message, an
 * invitation, a bridge, a mail. Each is written as an outbox row in the same transaction as the
 * change; {@link #key()} is its idempotency key, so planning the same effect twice (a replay, a
 * retried step) writes it once.
 */
public sealed interface Effect {

  String incidentId();

  /** Unique per effect; the same state change always yields the same key. */
  String key();

  /** The incident's war-room channel, named {@code channelName}; opened at most once. */
  record OpenRoom(String incidentId, String channelName) implements Effect {
    public OpenRoom {
      Objects.requireNonNull(incidentId, "incidentId");
      Objects.requireNonNull(channelName, "channelName");
    }

    @Override
    public String key() {
      return incidentId + ":room";
    }
  }

  /**
   * Bring the summary message in the war room up to date (posted the first time, then edited).
   * Rendered from the incident as it is when delivered, so several pending refreshes are one edit.
   */
  record RefreshSummary(String incidentId, String cause) implements Effect {
    @Override
    public String key() {
      return incidentId + ":summary:" + cause;
    }
  }

  /** A message in the incident's war room. */
  record PostToRoom(String incidentId, String key, String text) implements Effect {}

  /** A message to a named channel (a level of an escalation policy that targets a channel). */
  record PostToChannel(String incidentId, String key, String channel, String text)
      implements Effect {}

  /** A direct message with the Acknowledge and Resolve buttons to the person paged. */
  record Page(String incidentId, String key, Person person, String text) implements Effect {}

  /** People to add to the war room. */
  record Invite(String incidentId, String key, List<Person> people) implements Effect {
    public Invite {
      people = List.copyOf(people);
    }
  }

  /** A conference bridge for the incident, opened at most once. */
  record OpenBridge(String incidentId, String topic) implements Effect {
    @Override
    public String key() {
      return incidentId + ":bridge";
    }
  }

  /** A mail in the incident's thread. */
  record SendMail(
      String incidentId, String key, List<String> to, String subject, String text, String html)
      implements Effect {
    public SendMail {
      to = List.copyOf(to);
    }
  }

  /** Someone to reach: opsflow user id, and their chat member id and mail address when known. */
  record Person(String userId, String name, String chatMember, String email) {
    public static Person of(User u) {
      return new Person(u.id(), u.name(), u.slack(), u.email());
    }
  }
}
