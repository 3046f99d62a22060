package io.opsflow.incident;

/** Lifecycle of an incident, as PagerDuty users know it. */
public enum IncidentStatus {
  TRIGGERED,
  ACKNOWLEDGED,
  RESOLVED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
