package io.opsflow.incident.model;

/** Lifecycle of an incident, as PagerDuty users know it. */
public enum IncidentStatus {
  TRIGGERED,
  ACKNOWLEDGED,
  RESOLVED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
