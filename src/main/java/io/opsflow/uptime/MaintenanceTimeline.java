package io.opsflow.uptime;

import io.opsflow.db.Database;
import io.opsflow.incident.IncidentAttributes;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentStatus;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.service.ServiceCatalogue;
import io.opsflow.uptime.model.MaintenanceTransition;
import java.util.List;
import java.util.function.Supplier;

/**
 * Puts a maintenance window's start and end on the timelines of the open incidents it concerns:
 * those of its organization, and of its service when it names one.
 */
public final class MaintenanceTimeline {
  private final Database db;
  private final Supplier<ServiceCatalogue> services;
  private final EffectRecorder effects;

  public MaintenanceTimeline(Database db, Supplier<ServiceCatalogue> services) {
    this(db, services, EffectRecorder.none());
  }

  /**
   * Also starts, at a window's end, the response it held back (the incident's escalation timer does
   * too; this covers incidents without an escalation policy, which have none).
   */
  public MaintenanceTimeline(
      Database db, Supplier<ServiceCatalogue> services, EffectRecorder effects) {
    this.db = db;
    this.services = services;
    this.effects = effects;
  }

  /** Writes the transition on every open incident it concerns; returns how many. */
  public int record(MaintenanceTransition t) {
    String service = t.window().serviceId();
    String message =
        "Maintenance window '"
            + t.window().title()
            + "' "
            + (t.kind() == MaintenanceTransition.Kind.STARTED
                ? "started (until " + t.occurrence().end() + "): escalation pages nobody meanwhile"
                : "ended: escalation pages again");
    return db.inTransaction(
        s -> {
          List<Incident> open =
              s.createSelectionQuery(
                      "from Incident where organizationId = :o and status <> :resolved",
                      Incident.class)
                  .setParameter("o", t.window().organizationId())
                  .setParameter("resolved", IncidentStatus.RESOLVED)
                  .getResultList();
          int n = 0;
          for (Incident i : open) {
            if (service != null
                && !service.equals(
                    services.get().factsFor(i, IncidentAttributes.of(i.labels())).service())) {
              continue;
            }
            s.persist(
                new TimelineEntry(i.id(), t.at(), "maintenance", "opsflow:maintenance", message));
            if (t.kind() == MaintenanceTransition.Kind.ENDED) {
              effects.heldUntil(s, i, t.at());
            }
            n++;
          }
          return n;
        });
  }
}
