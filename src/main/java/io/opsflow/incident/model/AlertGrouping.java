package io.opsflow.incident.model;

import java.util.Optional;

/**
 * The alert grouping rules: an open incident per alert identity; later notifications update it; a
 * resolved incident never absorbs new alerts. Pure rules over an {@link IncidentStore}: no I/O of
 * its own, so tests call it directly.
 */
public final class AlertGrouping {
  private final Triage triage = new Triage();

  /** What one signal did, for metrics and for callers that want to wait on it. */
  public enum Outcome {
    OPENED,
    UPDATED,
    ACKNOWLEDGED,
    RESOLVED,
    DROPPED
  }

  public Outcome apply(AlertSignal signal, IncidentStore store) {
    Optional<Incident> open = store.findOpen(signal.integrationId(), signal.alertKey());
    return switch (signal.action()) {
      case TRIGGER -> open.map(i -> update(i, signal, store)).orElseGet(() -> open(signal, store));
      case ACKNOWLEDGE -> open.map(i -> acknowledge(i, signal, store)).orElse(Outcome.DROPPED);
      case RESOLVE -> open.map(i -> resolve(i, signal, store)).orElse(Outcome.DROPPED);
    };
  }

  private Outcome open(AlertSignal signal, IncidentStore store) {
    Incident incident = Incident.open(signal);
    store.add(incident);
    IncidentChanges.seen(incident, signal.at());
    for (AlertSignal.Item item : signal.items()) {
      store.add(IncidentAlert.first(incident.id(), item, signal.at()));
      IncidentChanges.alertAdded(incident);
    }
    store.record(
        new TimelineEntry(
            incident.id(),
            signal.at(),
            "opened",
            actor(signal),
            "Incident opened by " + signal.source() + ": " + incident.title()));
    store.publish(IncidentEvent.of(IncidentEvent.TRIGGERED, incident, signal.at(), actor(signal)));
    store.signal(
        new WorkflowSignal(
            incident.id(),
            incident.organizationId(),
            WorkflowSignal.Kind.START,
            actor(signal),
            signal.at()));
    return Outcome.OPENED;
  }

  private Outcome update(Incident incident, AlertSignal signal, IncidentStore store) {
    AlertUpdates.update(incident, signal, store, triage);
    return Outcome.UPDATED;
  }

  private Outcome acknowledge(Incident incident, AlertSignal signal, IncidentStore store) {
    IncidentChanges.seen(incident, signal.at());
    return IncidentTransitions.acknowledge(incident, actor(signal), signal.at(), store)
        ? Outcome.ACKNOWLEDGED
        : Outcome.UPDATED;
  }

  private Outcome resolve(Incident incident, AlertSignal signal, IncidentStore store) {
    AlertUpdates.resolveItems(incident, signal, store);
    IncidentTransitions.resolve(incident, actor(signal), signal.at(), store);
    return Outcome.RESOLVED;
  }

  private static String actor(AlertSignal signal) {
    return signal.actor();
  }
}
