package io.opsflow.incident;

import java.time.Instant;
import java.util.Locale;

/**
 * First triage rule, until the DMN table takes over: priority from the alert's severity. Critical
 * is P-0 (production severely impacted), error P-1, anything else P-2.
 */
public final class Triage {

  public String priorityFor(String severity) {
    String s = severity == null ? "" : severity.toLowerCase(Locale.ROOT);
    return switch (s) {
      case "critical", "page", "p0", "p-0", "disaster", "emergency" -> "P-0";
      case "error", "high", "major", "p1", "p-1" -> "P-1";
      default -> "P-2";
    };
  }

  /** Sets the priority and records the decision; no change when it is already set. */
  public boolean apply(Incident incident, Instant at, IncidentStore store) {
    if (incident.priority() != null) {
      return false;
    }
    String priority = priorityFor(incident.severity());
    incident.prioritize(priority);
    store.record(
        new TimelineEntry(
            incident.id(),
            at,
            "triaged",
            "workflow:triage",
            "Triaged as " + priority + " from severity '" + incident.severity() + "'"));
    store.publish(IncidentEvent.of(IncidentEvent.PRIORITIZED, incident, at, "workflow:triage"));
    return true;
  }
}
