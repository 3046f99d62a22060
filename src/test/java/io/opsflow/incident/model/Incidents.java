package io.opsflow.incident.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Incident fixtures named by intent, for tests outside the incident package. */
public final class Incidents {
  public static final Instant OPENED = Instant.parse("2026-11-23T03:00:00Z");

  private Incidents() {}

  /** A trigger from Prometheus for {@code alertKey}, one firing item, raised {@code at}. */
  public static AlertSignal aTrigger(String alertKey, String title, String severity, Instant at) {
    return new AlertSignal(
        UUID.randomUUID().toString(),
        "acme",
        "integration-1",
        "integration:prometheus",
        "alertmanager",
        alertKey,
        AlertSignal.Action.TRIGGER,
        title,
        severity,
        "{}",
        at,
        List.of(new AlertSignal.Item("fp", true, title, "{}")));
  }

  /** A triggered incident triaged to {@code priority}, titled {@code title}. */
  public static Incident aTriagedIncident(String priority, String title) {
    Incident i =
        Incident.open(
            new AlertSignal(
                UUID.randomUUID().toString(),
                "acme",
                "integration-1",
                "integration:prometheus",
                "alertmanager",
                "checkout-" + UUID.randomUUID(),
                AlertSignal.Action.TRIGGER,
                title,
                "critical",
                "{}",
                OPENED,
                List.of(new AlertSignal.Item("fp-1", true, title, "{}"))));
    IncidentChanges.prioritize(i, priority);
    return i;
  }

  public static Incident aP0Incident() {
    return aTriagedIncident("P-0", "Checkout 5xx above 5%");
  }

  public static Incident acknowledged(Incident i, String by, Instant at) {
    IncidentChanges.acknowledge(i, by, at);
    return i;
  }

  public static Incident resolved(Incident i, String by, Instant at) {
    IncidentChanges.resolve(i, by, at);
    return i;
  }
}
