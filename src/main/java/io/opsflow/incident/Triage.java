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

  /**
   * After the severity of an open incident rose: raises its priority when the rule now says more
   * urgent. A priority is never lowered automatically (a person may have set it).
   */
  public boolean reconsider(Incident incident, Instant at, IncidentStore store) {
    if (incident.priority() == null) {
      return false;
    }
    String candidate = priorityFor(incident.severity());
    if (candidate.compareTo(incident.priority()) >= 0) {
      return false;
    }
    String previous = incident.priority();
    incident.prioritize(candidate);
    store.record(
        new TimelineEntry(
            incident.id(),
            at,
            "reprioritized",
            "workflow:triage",
            "Priority raised from "
                + previous
                + " to "
                + candidate
                + " (severity "
                + incident.severity()
                + ")"));
    store.publish(IncidentEvent.of(IncidentEvent.PRIORITIZED, incident, at, "workflow:triage"));
    return true;
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
