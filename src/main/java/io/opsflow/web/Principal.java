package io.opsflow.web;

/**
 * Who is calling: an admin (every organization), a user bound to one organization (an SRE or a
 * customer), or an integration that sends alerts for one organization.
 */
public record Principal(
    String tokenId, Kind kind, String name, String organizationId, String role) {

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

  public String actor() {
    return kind.wireName() + ":" + name;
  }
}
