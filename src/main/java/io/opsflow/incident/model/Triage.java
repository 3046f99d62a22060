package io.opsflow.incident.model;

import java.time.Instant;
import java.util.Locale;

/**
 * Recording triage decisions. The decision itself comes from {@code workflows/triage.dmn}; the
 * severity rule here ({@link #priorityFor}: critical P-0, error P-1, anything else P-2) is the
 * fallback when the table gives no answer, and decides {@link #reconsider} when severity rises.
 */
public final class Triage {
  private static final String ACTOR = "workflow:triage";

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
    IncidentChanges.prioritize(incident, candidate);
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

  /**
   * The severity as the triage table reads it: the aliases of {@link #priorityFor} mapped to {@code
   * critical} or {@code error}, anything else lower-cased.
   */
  public static String canonicalSeverity(String severity) {
    String s = severity == null ? "" : severity.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "critical", "page", "p0", "p-0", "disaster", "emergency" -> "critical";
      case "error", "high", "major", "p1", "p-1" -> "error";
      default -> s;
    };
  }

  /**
   * Sets the priority the table decided, or, when it gave no answer, the one {@link #priorityFor}
   * gives, and records it on the timeline. No change when the priority is already set.
   */
  public boolean apply(
      Incident incident,
      TriageFacts facts,
      TriageDecision decision,
      Instant at,
      IncidentStore store) {
    if (incident.priority() != null) {
      return false;
    }
    String priority;
    String message;
    if (decision.answered()) {
      priority = decision.priority();
      message =
          "Triaged as " + priority + " by " + decision.decidedBy() + " (" + facts.describe() + ")";
      if (!decision.policy().isEmpty()) {
        message += "; escalation policy '" + decision.policy() + "'";
      }
    } else {
      priority = priorityFor(incident.severity());
      message =
          "Triaged as "
              + priority
              + " from severity '"
              + incident.severity()
              + "' ("
              + decision.decidedBy()
              + "; "
              + facts.describe()
              + ")";
    }
    IncidentChanges.prioritize(incident, priority);
    store.record(new TimelineEntry(incident.id(), at, "triaged", ACTOR, message));
    store.publish(IncidentEvent.of(IncidentEvent.PRIORITIZED, incident, at, ACTOR));
    return true;
  }

  /**
   * A person sets the priority; recorded with who did it.
   *
   * @return false when the priority was already that one
   */
  public boolean prioritizeByHand(
      Incident incident, String priority, String actor, Instant at, IncidentStore store) {
    if (!TriageDecision.PRIORITIES.contains(priority)) {
      throw new IllegalArgumentException(
          "priority must be P-0, P-1 or P-2, got '" + priority + "'");
    }
    if (priority.equals(incident.priority())) {
      return false;
    }
    String previous = incident.priority() == null ? "none" : incident.priority();
    IncidentChanges.prioritize(incident, priority);
    store.record(
        new TimelineEntry(
            incident.id(),
            at,
            "reprioritized",
            actor,
            "Priority changed from " + previous + " to " + priority + " by " + actor));
    store.publish(IncidentEvent.of(IncidentEvent.PRIORITIZED, incident, at, actor));
    return true;
  }
}
