package io.opsflow.notify;

import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.EscalationPlan;
import io.opsflow.escalation.model.User;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.notify.model.EffectPlan;
import io.opsflow.notify.model.EffectPlanner;
import io.opsflow.notify.model.EffectSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Writes what a state change causes, inside the transaction of the change itself: its effects into
 * the effect outbox (and the lines for effects that will not happen onto the timeline), the moves
 * of the incident's SLA clocks and of its customer ticket, and the holds of maintenance windows.
 */
public final class EffectRecorder {
  public static final String ACTOR = "opsflow:effects";

  private final EffectPlanner planner;
  private final IncidentClocks clocks;
  private final PlanWriter writer;
  private final HeldResponses holds = new HeldResponses(this::startResponse);
  private final SlaBreachNotice breaches;
  private volatile CustomerTickets tickets;

  public EffectRecorder(EffectPlanner planner, Clock clock) {
    this(planner, clock, null);
  }

  /** Also moves the incident's SLA clocks with its lifecycle events. */
  public EffectRecorder(EffectPlanner planner, Clock clock, IncidentClocks clocks) {
    this.planner = planner;
    this.clocks = clocks;
    this.writer = new PlanWriter(planner, clock);
    this.breaches = new SlaBreachNotice(planner, clock, holds, writer);
  }

  /** Also opens (and resolves) the customer tickets of incidents that call for one. */
  public void incidentTickets(CustomerTickets tickets) {
    this.tickets = tickets;
  }

  /** Also holds back the response to incidents of services in maintenance. */
  public void maintenanceHolds(IncidentHolds holds) {
    this.holds.holds(holds);
  }

  /** Plans nothing: for tools and tests that only exercise the alert path. */
  public static EffectRecorder none() {
    return new EffectRecorder(null, Clock.systemUTC());
  }

  public boolean enabled() {
    return planner != null;
  }

  public EffectSettings settings() {
    return planner == null ? EffectSettings.defaults(false, false, false) : planner.settings();
  }

  /** A lifecycle event was published in this session. */
  public void onEvent(Session session, IncidentEvent event) {
    if (IncidentEvent.TRIGGERED.equals(event.type())
        || (planner == null && clocks == null && tickets == null)) {
      return; // a new incident has no room yet, and no priority: triage plans its effects
    }
    Incident incident = session.find(Incident.class, event.incidentId());
    if (incident == null) {
      return;
    }
    boolean held =
        IncidentEvent.PRIORITIZED.equals(event.type())
            && holds.holding(session, incident, event.at());
    CustomerTickets t = tickets;
    if (t != null && !held) {
      if (IncidentEvent.PRIORITIZED.equals(event.type())) {
        t.onPrioritized(session, incident, event.at());
      } else if (IncidentEvent.RESOLVED.equals(event.type())) {
        t.onResolved(session, incident, event.at());
      }
    }
    if (clocks != null) {
      switch (event.type()) {
        case IncidentEvent.PRIORITIZED -> clocks.onPrioritized(session, incident);
        case IncidentEvent.ACKNOWLEDGED -> clocks.onAcknowledged(session, incident);
        case IncidentEvent.RESOLVED -> clocks.onResolved(session, incident);
        default -> {}
      }
    }
    if (planner == null || held) {
      return;
    }
    boolean room = Rooms.planned(session, incident.id());
    String cause = event.type() + ":" + event.at().toEpochMilli();
    EffectPlan plan =
        IncidentEvent.PRIORITIZED.equals(event.type())
            ? planner.onPrioritized(incident, room, cause)
            : planner.onEvent(event, incident, room);
    writer.write(session, incident.id(), plan);
  }

  /** The response held back by a maintenance window starts now. */
  private void startResponse(Session s, Incident incident, Instant at) {
    CustomerTickets t = tickets;
    if (t != null) {
      t.onPrioritized(s, incident, at);
    }
    if (planner != null) {
      boolean room = Rooms.planned(s, incident.id());
      writer.write(
          s, incident.id(), planner.onPrioritized(incident, room, "released:" + at.toEpochMilli()));
    }
  }

  /**
   * For an escalation step: until when a maintenance window holds the incident's response back;
   * empty when it does not. A hold whose window has closed is released here, and the response held
   * back starts.
   */
  public Optional<Instant> heldUntil(Session session, Incident incident, Instant at) {
    return holds.heldUntil(session, incident, at);
  }

  /**
   * A person escalated the incident: a response held back by a maintenance window starts now (war
   * room, bridge and customer ticket as its priority calls for; the pages follow from the
   * escalation). False when nothing was held back.
   */
  public boolean escalatedByHand(Session session, Incident incident, String actor, Instant at) {
    return holds.release(
        session,
        incident,
        actor,
        at,
        "Escalated by "
            + actor
            + " during the maintenance window: the response held back starts now");
  }

  /** True once after a hold was released: the escalation's timing starts anew at this step. */
  public boolean resumeAfterHold(Session session, String incidentId, Instant at) {
    return holds.resume(session, incidentId, at);
  }

  /** Whether a maintenance window holds the incident's response back now. */
  public boolean held(Session session, String incidentId) {
    return holds.held(session, incidentId);
  }

  /** An escalation step ran. */
  public void onEscalation(
      Session session, Incident incident, EscalationPlan.Step step, Map<String, User> users) {
    if (planner == null) {
      return;
    }
    boolean room = Rooms.planned(session, incident.id());
    writer.write(session, incident.id(), planner.onEscalation(incident, step, users, room));
  }

  /** Pauses the incident's running SLA clocks; false when none ran (or clocks are off). */
  public boolean pauseClocks(Session session, Incident incident, Instant at, String why) {
    return clocks != null && clocks.pause(session, incident, at, why);
  }

  /** Resumes the incident's paused SLA clocks; false when none was paused. */
  public boolean resumeClocks(Session session, Incident incident, Instant at) {
    return clocks != null && clocks.resume(session, incident, at);
  }

  /** An SLA warning or breach of the incident. */
  public void onSlaNotice(Session session, Incident incident, String key, String text) {
    if (planner == null) {
      return;
    }
    boolean room = Rooms.planned(session, incident.id());
    writer.write(session, incident.id(), planner.onSlaNotice(incident, key, text, room));
  }

  /**
   * An SLA clock of the incident breached: a response breach of an unacknowledged incident pages at
   * once, the war room hears it. Returns {@code text} with what was done about it, for the
   * timeline.
   */
  public String onSlaBreach(
      Session s, Incident incident, String kind, String text, OnCallSnapshot oncall) {
    return breaches.onBreach(s, incident, kind, text, oncall);
  }

  /** Status update {@code n} is due. */
  public void onReminder(Session session, Incident incident, int n) {
    if (planner == null) {
      return;
    }
    boolean room = Rooms.planned(session, incident.id());
    writer.write(session, incident.id(), planner.onReminder(incident, n, room));
  }
}
