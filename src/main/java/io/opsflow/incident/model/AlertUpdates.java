package io.opsflow.incident.model;

import java.util.Optional;

/**
 * What a later notification does to the alerts of an open incident: new alerts grouped in, known
 * ones firing again or resolved, each change told on the timeline and as a lifecycle event.
 */
final class AlertUpdates {
  private AlertUpdates() {}

  static void update(Incident incident, AlertSignal signal, IncidentStore store, Triage triage) {
    IncidentChanges.seen(incident, signal.at());
    String previous = incident.severity();
    if (IncidentChanges.raiseSeverity(incident, signal.severity())) {
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
        IncidentChanges.alertAdded(incident);
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
  }

  static void resolveItems(Incident incident, AlertSignal signal, IncidentStore store) {
    IncidentChanges.seen(incident, signal.at());
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
