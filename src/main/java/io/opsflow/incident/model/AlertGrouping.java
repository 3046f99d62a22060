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
    incident.seen(signal.at());
    for (AlertSignal.Item item : signal.items()) {
      store.add(IncidentAlert.first(incident.id(), item, signal.at()));
      incident.alertAdded();
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
    incident.seen(signal.at());
    String previous = incident.severity();
    if (incident.raiseSeverity(signal.severity())) {
      note(
          store,
          incident,
          signal,
          "severity_raised",
          IncidentEvent.SEVERITY_RAISED,
          "Severity raised from " + previous + " to " + incident.severity());
      triage.reconsider(incident, signal.at(), store);
    }
    for (AlertSignal.Item item : signal.items()) {
      Optional<IncidentAlert> known = store.findAlert(incident.id(), item.fingerprint());
      if (known.isEmpty()) {
        store.add(IncidentAlert.first(incident.id(), item, signal.at()));
        incident.alertAdded();
        note(
            store,
            incident,
            signal,
            "alert_added",
            IncidentEvent.ALERT_ADDED,
            "Alert " + describe(item) + " grouped into this incident");
        continue;
      }
      switch (known.get().update(item, signal.at())) {
        case FIRED_AGAIN ->
            note(
                store,
                incident,
                signal,
                "alert_fired",
                IncidentEvent.ALERT_FIRED,
                "Alert " + describe(item) + " is firing again");
        case RESOLVED ->
            note(
                store,
                incident,
                signal,
                "alert_resolved",
                IncidentEvent.ALERT_RESOLVED,
                "Alert " + describe(item) + " resolved");
        case NONE -> {}
      }
    }
    return Outcome.UPDATED;
  }

  private Outcome acknowledge(Incident incident, AlertSignal signal, IncidentStore store) {
    incident.seen(signal.at());
    return IncidentTransitions.acknowledge(incident, actor(signal), signal.at(), store)
        ? Outcome.ACKNOWLEDGED
        : Outcome.UPDATED;
  }

  private Outcome resolve(Incident incident, AlertSignal signal, IncidentStore store) {
    incident.seen(signal.at());
    for (AlertSignal.Item item : signal.items()) {
      store
          .findAlert(incident.id(), item.fingerprint())
          .ifPresent(a -> a.update(item, signal.at()));
      if (item.summary() != null && !item.summary().isBlank()) {
        // a resolve that says why (a heartbeat unregistered, a burn that stopped) keeps the reason
        note(
            store,
            incident,
            signal,
            "alert_resolved",
            IncidentEvent.ALERT_RESOLVED,
            "Alert " + describe(item) + " resolved");
      }
    }
    IncidentTransitions.resolve(incident, actor(signal), signal.at(), store);
    return Outcome.RESOLVED;
  }

  /** A change worth telling: one timeline entry and one lifecycle event. */
  private static void note(
      IncidentStore store,
      Incident incident,
      AlertSignal signal,
      String kind,
      String eventType,
      String message) {
    store.record(new TimelineEntry(incident.id(), signal.at(), kind, actor(signal), message));
    store.publish(IncidentEvent.of(eventType, incident, signal.at(), actor(signal)));
  }

  private static String actor(AlertSignal signal) {
    return signal.actor();
  }

  private static String describe(AlertSignal.Item item) {
    return item.summary() == null || item.summary().isBlank()
        ? item.fingerprint()
        : item.summary() + " (" + item.fingerprint() + ")";
  }
}
