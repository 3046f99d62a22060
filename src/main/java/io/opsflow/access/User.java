package io.opsflow.access;

import io.opsflow.ticket.model.Role;
import java.time.Instant;

/**
 * A person who signs in to the portal and console, or acts from Slack and mail, as the other
 * features see them; {@code organizationId} is null for admins and for SREs of the operator.
 */
public interface User {
  String id();

  String organizationId();

  String email();

  String name();

  Role role();

  String passwordHash();

  String slackUserId();

  Instant createdAt();

  Instant disabledAt();

  default boolean active() {
    return disabledAt() == null;
  }
}
