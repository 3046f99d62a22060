package io.opsflow.incident.model;

import java.time.Instant;

/** The changes an incident goes through while it lives: the only writer of its mutable fields. */
final class IncidentChanges {
  private IncidentChanges() {}

  /** A repeat notification: counts it and moves last-seen forward. */
  static void seen(Incident i, Instant at) {
    i.eventCount++;
    if (i.lastSeenAt == null || at.isAfter(i.lastSeenAt)) {
      i.lastSeenAt = at;
    }
  }

  static void alertAdded(Incident i) {
    i.alertCount++;
  }

  /**
   * @return false when the incident was not waiting for acknowledgement
   */
  static boolean acknowledge(Incident i, String actor, Instant at) {
    if (i.status != IncidentStatus.TRIGGERED) {
      return false;
    }
    i.status = IncidentStatus.ACKNOWLEDGED;
    i.acknowledgedAt = at;
    i.acknowledgedBy = actor;
    return true;
  }

  /**
   * @return false when it was already resolved
   */
  static boolean resolve(Incident i, String actor, Instant at) {
    if (i.status == IncidentStatus.RESOLVED) {
      return false;
    }
    i.status = IncidentStatus.RESOLVED;
    i.resolvedAt = at;
    i.resolvedBy = actor;
    i.openKey = null;
    return true;
  }

  /** Raises the severity when the new one is more urgent; never lowers it while open. */
  static boolean raiseSeverity(Incident i, String candidate) {
    if (Severity.rank(candidate) >= Severity.rank(i.severity)) {
      return false;
    }
    i.severity = candidate;
    return true;
  }

  static void prioritize(Incident i, String newPriority) {
    i.priority = newPriority;
  }
}
