package io.opsflow.service;

import java.util.Objects;

/**
 * A service opsflow triages for: it belongs to a customer organization, runs in a zone, and has a
 * support tier. The tier lives on the service, not the organization, so that one customer can have
 * a gold production service and a bronze test bed.
 */
public record Service(
    String id, String name, String organization, Zone zone, Tier tier, ServiceMatch match) {
  public Service {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(match, "match");
    name = Objects.requireNonNullElse(name, id);
    organization = Objects.requireNonNullElse(organization, "");
  }
}
