package io.opsflow.store;

import io.opsflow.escalation.EffectPlan;
import io.opsflow.escalation.EffectPlanner;
import io.opsflow.escalation.EffectSettings;
import io.opsflow.escalation.EscalationPlan;
import io.opsflow.escalation.User;
import io.opsflow.incident.Incident;
import io.opsflow.incident.IncidentEvent;
import io.opsflow.incident.TimelineEntry;
import java.time.Clock;
import java.util.Map;
import org.hibernate.Session;

/**
 * Writes what a state change causes, inside the transaction of the change itself: its effects into
 * the effect outbox (and the lines for effects that will not happen onto the timeline), and the
 * moves of the incident's SLA clocks.
 */
public final class EffectRecorder {
  static final String ACTOR = "opsflow:effects";

  private final EffectPlanner planner;
  private final Clock clock;
  private final SlaClocks clocks;
  private volatile IncidentTickets tickets;

  public EffectRecorder(EffectPlanner planner, Clock clock) {
    this(planner, clock, null);
  }

  /** Also moves the incident's SLA clocks with its lifecycle events. */
  public EffectRecorder(EffectPlanner planner, Clock clock, SlaClocks clocks) {
    this.planner = planner;
    this.clock = clock;
    this.clocks = clocks;
  }

  /** Also opens (and resolves) the customer tickets of incidents that call for one. */
  public void incidentTickets(IncidentTickets tickets) {
    this.tickets = tickets;
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
  void onEvent(Session session, IncidentEvent event) {
    if (IncidentEvent.TRIGGERED.equals(event.type())
        || (planner == null && clocks == null && tickets == null)) {
      return; // a new incident has no room yet, and no priority: triage plans its effects
    }
    Incident incident = session.find(Incident.class, event.incidentId());
    if (incident == null) {
      return;
    }
    IncidentTickets t = tickets;
    if (t != null) {
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
    if (planner == null) {
      return;
    }
    boolean room = EffectStore.roomPlanned(session, incident.id());
    String cause = event.type() + ":" + event.at().toEpochMilli();
    EffectPlan plan =
        IncidentEvent.PRIORITIZED.equals(event.type())
            ? planner.onPrioritized(incident, room, cause)
            : planner.onEvent(event, incident, room);
    write(session, incident.id(), plan);
  }

  /** An escalation step ran. */
  public void onEscalation(
      Session session, Incident incident, EscalationPlan.Step step, Map<String, User> users) {
    if (planner == null) {
      return;
    }
    boolean room = EffectStore.roomPlanned(session, incident.id());
    write(session, incident.id(), planner.onEscalation(incident, step, users, room));
  }

  /** Pauses the incident's running SLA clocks; false when none ran (or clocks are off). */
  public boolean pauseClocks(Session session, Incident incident, java.time.Instant at, String why) {
    return clocks != null && clocks.pause(session, incident, at, why);
  }

  /** Resumes the incident's paused SLA clocks; false when none was paused. */
  public boolean resumeClocks(Session session, Incident incident, java.time.Instant at) {
    return clocks != null && clocks.resume(session, incident, at);
  }

  /** An SLA warning or breach of the incident. */
  public void onSlaNotice(Session session, Incident incident, String key, String text) {
    if (planner == null) {
      return;
    }
    boolean room = EffectStore.roomPlanned(session, incident.id());
    write(session, incident.id(), planner.onSlaNotice(incident, key, text, room));
  }

  /** Status update {@code n} is due. */
  public void onReminder(Session session, Incident incident, int n) {
    if (planner == null) {
      return;
    }
    boolean room = EffectStore.roomPlanned(session, incident.id());
    write(session, incident.id(), planner.onReminder(incident, n, room));
  }

  private void write(Session session, String incidentId, EffectPlan plan) {
    if (plan.isEmpty()) {
      return;
    }
    EffectStore.plan(session, plan, planner.settings().mail(), clock.millis());
    for (String note : plan.notes()) {
      session.persist(
          new TimelineEntry(incidentId, clock.instant(), "effect_skipped", ACTOR, note));
    }
  }
}
