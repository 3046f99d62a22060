package io.opsflow.escalation.model;

import java.util.Objects;

/** A person who can be on call or notified: id, display name, email and Slack member id. */
public record User(String id, String name, String email, String slack) {
  public User {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
  }
}
