package io.opsflow.uptime;

import io.opsflow.incident.IncidentAttributes;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.IncidentHolds;
import io.opsflow.service.ServiceCatalogue;
import io.opsflow.sla.model.Interval;
import io.opsflow.uptime.model.MaintenanceCalendar;
import io.opsflow.uptime.model.MaintenanceWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * The incidents whose response a maintenance window holds back (table {@code incident_hold}): an
 * incident of a service in maintenance (in its own organization) is recorded, and its war room,
 * bridge, pages, customer ticket and status reminders wait until a person escalates it or the
 * window ends. The timeline says so once, when the hold starts.
 */
public final class MaintenanceHolds implements IncidentHolds {
  private final Supplier<MaintenanceCalendar> calendar;
  private final Supplier<ServiceCatalogue> services;

  public MaintenanceHolds(
      Supplier<MaintenanceCalendar> calendar, Supplier<ServiceCatalogue> services) {
    this.calendar = calendar;
    this.services = services;
  }

  /**
   * The incident's hold at {@code at}. Without one yet, a window of its service open now starts it
   * (and the timeline says what is held back: everything, or only the pages when the war room is
   * already there); a hold whose window closed answers ENDED unless another window covers the
   * service now, which prolongs it. A released hold is FREE, whatever the windows say.
   */
  @Override
  public State check(Session s, Incident incident, Instant at, boolean roomPlanned) {
    Optional<HoldRows.Row> row = HoldRows.find(s, incident.id());
    if (row.isPresent() && row.get().releasedMs() != null) {
      return new State(State.Kind.FREE, null, null);
    }
    Optional<Instant> stillHeld = row.map(r -> r.until()).filter(at::isBefore);
    if (stillHeld.isPresent()) {
      return new State(State.Kind.HELD, stillHeld.get(), row.get().title());
    }
    Optional<MaintenanceWindow> window = activeWindow(incident, at);
    if (window.isEmpty()) {
      return row.isPresent()
          ? new State(State.Kind.ENDED, row.get().until(), row.get().title())
          : new State(State.Kind.FREE, null, null);
    }
    Instant until = endOf(window.get(), at);
    String title = window.get().title();
    int n =
        row.isPresent()
            ? HoldRows.update(
                s,
                "update incident_hold set window_id = ?, window_title = ?, held_until = ?"
                    + " where incident_id = ?",
                window.get().id(),
                HoldRows.cut(title),
                until.toEpochMilli(),
                incident.id())
            : HoldRows.update(
                s,
                "insert into incident_hold (window_id, window_title, held_until, incident_id,"
                    + " held_ms) select ?, ?, ?, ?, ? where not exists"
                    + " (select 1 from incident_hold where incident_id = ?)",
                window.get().id(),
                HoldRows.cut(title),
                until.toEpochMilli(),
                incident.id(),
                at.toEpochMilli(),
                incident.id());
    if (n > 0) {
      String held = roomPlanned ? "no pages" : "no war room, bridge, pages or customer mail";
      s.persist(
          new TimelineEntry(
              incident.id(),
              at,
              "maintenance",
              ACTOR,
              "In maintenance window '"
                  + title
                  + "' until "
                  + until
                  + ": "
                  + held
                  + "; escalate to page"));
    }
    return new State(State.Kind.HELD, until, title);
  }

  /** Ends the hold (a person escalated, or the window closed); false when none was held. */
  @Override
  public boolean release(Session s, String incidentId, String actor, Instant at) {
    return HoldRows.update(
            s,
            "update incident_hold set released_ms = ?, released_by = ? where incident_id = ?"
                + " and released_ms is null",
            at.toEpochMilli(),
            HoldRows.cut(actor),
            incidentId)
        > 0;
  }

  /** True once, for the first escalation step after the release: its timing starts anew. */
  @Override
  public boolean resume(Session s, String incidentId, Instant at) {
    return HoldRows.update(
            s,
            "update incident_hold set resumed_ms = ? where incident_id = ?"
                + " and released_ms is not null and resumed_ms is null",
            at.toEpochMilli(),
            incidentId)
        > 0;
  }

  /** Whether the incident's response is held back now (a hold not released). */
  @Override
  public boolean held(Session s, String incidentId) {
    return HoldRows.find(s, incidentId).filter(r -> r.releasedMs() == null).isPresent();
  }

  private Optional<MaintenanceWindow> activeWindow(Incident incident, Instant at) {
    String service =
        services.get().factsFor(incident, IncidentAttributes.of(incident.labels())).service();
    return calendar.get().activeFor(incident.organizationId(), service, at);
  }

  private static Instant endOf(MaintenanceWindow window, Instant at) {
    List<Interval> now = window.occurrencesBetween(at, at.plusNanos(1));
    return now.isEmpty() ? at : now.get(0).end();
  }
}
