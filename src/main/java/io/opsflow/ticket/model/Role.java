package io.opsflow.ticket.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do: customers open and follow their organization's tickets, SREs work tickets,
 * admins also manage users and tokens.
 */
public enum Role {
  CUSTOMER,
  SRE,
  ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    for (Role r : values()) {
      if (r.wire().equalsIgnoreCase(s.trim())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** SREs and admins work tickets: internal notes, assignment, priority, status. */
  public boolean staff() {
    return this != CUSTOMER;
  }
}
