package io.opsflow.incident.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What triage decides from: the incident's severity (canonical: critical, error, warning, info or
 * as sent), and the zone ({@code green}/{@code red}), tier ({@code gold}/{@code silver}/{@code
 * bronze}) and id of the service it matched among its organization's (empty when none matched), and
 * the incident's organization, so that a table can choose by organization too.
 */
public record TriageFacts(
    String severity, String zone, String tier, String service, String organization) {
  public static final String SEVERITY = "severity";
  public static final String ZONE = "zone";
  public static final String TIER = "tier";
  public static final String SERVICE = "service";
  public static final String ORGANIZATION = "organization";

  public TriageFacts {
    severity = Objects.requireNonNullElse(severity, "");
    zone = Objects.requireNonNullElse(zone, "");
    tier = Objects.requireNonNullElse(tier, "");
    service = Objects.requireNonNullElse(service, "");
    organization = Objects.requireNonNullElse(organization, "");
  }

  /** Facts of no particular organization. */
  public TriageFacts(String severity, String zone, String tier, String service) {
    this(severity, zone, tier, service, "");
  }

  /** The decision table's inputs, by input name. */
  public Map<String, Object> asInputs() {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put(SEVERITY, severity);
    inputs.put(ZONE, zone);
    inputs.put(TIER, tier);
    inputs.put(SERVICE, service);
    inputs.put(ORGANIZATION, organization);
    return inputs;
  }

  /** "service checkout, zone green, severity error" or "no service matched, severity error". */
  public String describe() {
    String where =
        service.isEmpty() ? "no service matched" : "service " + service + ", zone " + zone;
    return where + ", severity " + (severity.isEmpty() ? "unknown" : severity);
  }
}
