package io.opsflow.incident.model;

import java.time.Instant;

/**
 * Acknowledge and resolve, whoever asks (an integration, a person through the API or Slack): the
 * state change, its timeline entry, its event and its workflow signal, together.
 */
final class IncidentTransitions {
  private IncidentTransitions() {}

  static boolean acknowledge(Incident incident, String actor, Instant at, IncidentStore store) {
    if (!IncidentChanges.acknowledge(incident, actor, at)) {
      return false;
    }
    store.record(new TimelineEntry(incident.id(), at, "acknowledged", actor, "Acknowledged"));
    store.publish(IncidentEvent.of(IncidentEvent.ACKNOWLEDGED, incident, at, actor));
    store.signal(
        new WorkflowSignal(
            incident.id(), incident.organizationId(), WorkflowSignal.Kind.ACKNOWLEDGE, actor, at));
    return true;
  }

  static boolean resolve(Incident incident, String actor, Instant at, IncidentStore store) {
    if (!IncidentChanges.resolve(incident, actor, at)) {
      return false;
    }
    store.record(new TimelineEntry(incident.id(), at, "resolved", actor, "Resolved"));
    store.publish(IncidentEvent.of(IncidentEvent.RESOLVED, incident, at, actor));
    store.signal(
        new WorkflowSignal(
            incident.id(), incident.organizationId(), WorkflowSignal.Kind.RESOLVE, actor, at));
    return true;
  }
}
