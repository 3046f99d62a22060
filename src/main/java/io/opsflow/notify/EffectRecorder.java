package io.opsflow.notify;

import io.opsflow.escalation.FrozenPolicies;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.BreachPages;
import io.opsflow.escalation.model.EscalationPlan;
import io.opsflow.escalation.model.User;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.incident.model.IncidentStatus;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.model.EffectPlan;
import io.opsflow.notify.model.EffectPlanner;
import io.opsflow.notify.model.EffectSettings;
import io.opsflow.sla.SlaClockRow;
import io.opsflow.sla.SlaClocks;
import io.opsflow.ticket.IncidentTickets;
import io.opsflow.uptime.MaintenanceHolds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Writes what a state change causes, inside the transaction of the change itself: its effects into
 * the effect outbox (and the lines for effects that will not happen onto the timeline), and the
 * moves of the incident's SLA clocks.
 */
public final class EffectRecorder {
  public static final String ACTOR = "opsflow:effects";

  private final EffectPlanner planner;
  private final Clock clock;
  private final SlaClocks clocks;
  private volatile IncidentTickets tickets;
  private volatile MaintenanceHolds holds;

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

  /** Also holds back the response to incidents of services in maintenance. */
  public void maintenanceHolds(MaintenanceHolds holds) {
    this.holds = holds;
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
        IncidentEvent.PRIORITIZED.equals(event.type()) && holding(session, incident, event.at());
    IncidentTickets t = tickets;
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
    boolean room = EffectStore.roomPlanned(session, incident.id());
    String cause = event.type() + ":" + event.at().toEpochMilli();
    EffectPlan plan =
        IncidentEvent.PRIORITIZED.equals(event.type())
            ? planner.onPrioritized(incident, room, cause)
            : planner.onEvent(event, incident, room);
    write(session, incident.id(), plan);
  }

  /** Whether the incident's response is held back by a maintenance window (and starts the hold). */
  private boolean holding(Session session, Incident incident, Instant at) {
    MaintenanceHolds h = holds;
    if (h == null) {
      return false;
    }
    MaintenanceHolds.State st =
        h.check(session, incident, at, EffectStore.roomPlanned(session, incident.id()));
    if (st.kind() == MaintenanceHolds.State.Kind.ENDED
        && h.release(session, incident.id(), MaintenanceHolds.ACTOR, at)) {
      session.persist(
          new TimelineEntry(incident.id(), at, "maintenance", MaintenanceHolds.ACTOR, ended(st)));
    }
    return st.held();
  }

  /**
   * For an escalation step: until when a maintenance window holds the incident's response back;
   * empty when it does not. A hold whose window has closed is released here, and the response held
   * back starts.
   */
  public Optional<Instant> heldUntil(Session session, Incident incident, Instant at) {
    MaintenanceHolds h = holds;
    if (h == null) {
      return Optional.empty();
    }
    MaintenanceHolds.State st =
        h.check(session, incident, at, EffectStore.roomPlanned(session, incident.id()));
    if (st.kind() == MaintenanceHolds.State.Kind.ENDED) {
      release(session, incident, MaintenanceHolds.ACTOR, at, ended(st));
    }
    return st.held() ? Optional.of(st.until()) : Optional.empty();
  }

  /**
   * A person escalated the incident: a response held back by a maintenance window starts now (war
   * room, bridge and customer ticket as its priority calls for; the pages follow from the
   * escalation). False when nothing was held back.
   */
  public boolean escalatedByHand(Session session, Incident incident, String actor, Instant at) {
    return release(
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
    MaintenanceHolds h = holds;
    return h != null && h.resume(session, incidentId, at);
  }

  /** Whether a maintenance window holds the incident's response back now. */
  public boolean held(Session session, String incidentId) {
    MaintenanceHolds h = holds;
    return h != null && h.held(session, incidentId);
  }

  private boolean release(Session s, Incident incident, String actor, Instant at, String line) {
    MaintenanceHolds h = holds;
    if (h == null || !h.release(s, incident.id(), actor, at)) {
      return false;
    }
    s.persist(new TimelineEntry(incident.id(), at, "maintenance", actor, line));
    if (incident.priority() == null) {
      return true; // not triaged yet: triage plans the response
    }
    IncidentTickets t = tickets;
    if (t != null) {
      t.onPrioritized(s, incident, at);
    }
    if (planner != null) {
      boolean room = EffectStore.roomPlanned(s, incident.id());
      write(
          s, incident.id(), planner.onPrioritized(incident, room, "released:" + at.toEpochMilli()));
    }
    return true;
  }

  private static String ended(MaintenanceHolds.State st) {
    return "Maintenance window '" + st.title() + "' ended: the response held back starts now";
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

  /**
   * An SLA clock of the incident breached. A response breach of an unacknowledged incident pages at
   * once whom {@link BreachPages} names (unless a maintenance window holds its response back); the
   * war room, if any, hears it. Returns {@code text} with what was done about it, for the timeline.
   */
  public String onSlaBreach(
      Session s, Incident incident, String kind, String text, OnCallSnapshot oncall) {
    String said = text;
    List<String> paged = List.of();
    if (SlaClockRow.RESPONSE.equals(kind) && incident.status() == IncidentStatus.TRIGGERED) {
      Optional<BreachPages.Paged> whom =
          planner == null || oncall == null
              ? Optional.empty()
              : BreachPages.of(
                  FrozenPolicies.find(s, incident.id()).orElse(""),
                  clock.instant(),
                  oncall.directory());
      if (held(s, incident.id())) {
        said += "; nobody paged: a maintenance window holds the response back";
      } else if (planner == null || oncall == null) {
        said += "; nobody paged: effects are off";
      } else if (whom.isEmpty()) {
        said += "; nobody paged: no escalation policy";
      } else if (whom.get().userIds().isEmpty()) {
        said += "; nobody paged: nobody on call for " + whom.get().whom();
      } else {
        paged = whom.get().userIds();
        said += "; paged " + whom.get().whom() + " now: " + String.join(", ", paged);
      }
    }
    boolean room = planner != null && EffectStore.roomPlanned(s, incident.id());
    said += room ? "; posted to the war room" : "; no war room to post to";
    if (planner != null) {
      String prefix = incident.id() + ":sla-breach:" + kind;
      Map<String, User> users = oncall == null ? Map.of() : oncall.users();
      write(s, incident.id(), planner.onSlaBreach(incident, prefix, paged, users, said, room));
    }
    return said;
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
