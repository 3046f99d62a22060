package io.opsflow.access;

import io.opsflow.http.ApiException;

/**
 * Who is calling: an admin (every organization), a user bound to one organization (an SRE or a
 * customer), or an integration that sends alerts for one organization.
 */
public record Principal(
    String tokenId, Kind kind, String name, String organizationId, String role, String userId) {

  /** A token's caller: not a signed-in person. */
  public Principal(String tokenId, Kind kind, String name, String organizationId, String role) {
    this(tokenId, kind, name, organizationId, role, null);
  }

  public enum Kind {
    ADMIN,
    USER,
    INTEGRATION;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Kind parse(String s) {
      return Kind.valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  public boolean admin() {
    return kind == Kind.ADMIN;
  }

  /** The organization every query is scoped to; null for an admin, who sees all. */
  public String scope() {
    return admin() ? null : organizationId;
  }

  /** Admins and SRE users may act on incidents; customers and integrations only read or send. */
  public boolean mayActOnIncidents() {
    return admin() || (kind == Kind.USER && !"customer".equalsIgnoreCase(role));
  }

  /** A customer: sees their organization's tickets, public parts only. */
  public boolean customer() {
    return kind == Kind.USER && "customer".equalsIgnoreCase(role);
  }

  /** Who this is for ticket commands; integrations do not act on tickets. */
  public io.opsflow.ticket.model.Actor ticketActor() {
    io.opsflow.ticket.model.Role r =
        admin()
            ? io.opsflow.ticket.model.Role.ADMIN
            : io.opsflow.ticket.model.Role.parse(role)
                .orElse(io.opsflow.ticket.model.Role.CUSTOMER);
    if (kind == Kind.INTEGRATION) {
      throw ApiException.forbidden("integration tokens do not act on tickets");
    }
    return new io.opsflow.ticket.model.Actor(userId, userId == null ? actor() : name, r, scope());
  }

  public String actor() {
    return kind.wireName() + ":" + name;
  }
}
