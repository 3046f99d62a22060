package io.opsflow.ticket.model;

import java.util.Objects;

/**
 * Who asked for a ticket change: an opsflow user (customer, SRE or admin), an integration, or
 * opsflow itself ({@code opsflow:...}). {@code name} is what the timeline shows.
 */
public record Actor(String userId, String name, Role role, String organizationId) {
  public Actor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** opsflow acting on its own (auto-close, incident detection). */
  public static Actor system(String what) {
    return new Actor(null, "opsflow:" + what, Role.ADMIN, null);
  }

  public boolean customer() {
    return role == Role.CUSTOMER;
  }
}
