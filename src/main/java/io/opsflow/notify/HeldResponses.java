package io.opsflow.notify;

import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.TimelineEntry;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The responses a maintenance window holds back, as {@link IncidentHolds} tells: a hold whose
 * window closed, or that a person escalated past, is released and the response starts.
 */
final class HeldResponses {
  /** Starts an incident's response held back (the war room, bridge, ticket its priority asks). */
  interface Start {
    void start(Session s, Incident incident, Instant at);
  }

  private final Start start;
  private volatile IncidentHolds holds;

  HeldResponses(Start start) {
    this.start = start;
  }

  void holds(IncidentHolds holds) {
    this.holds = holds;
  }

  /** Whether the incident's response is held back by a maintenance window (and starts the hold). */
  boolean holding(Session session, Incident incident, Instant at) {
    IncidentHolds h = holds;
    if (h == null) {
      return false;
    }
    IncidentHolds.State st = h.check(session, incident, at, Rooms.planned(session, incident.id()));
    if (st.kind() == IncidentHolds.State.Kind.ENDED
        && h.release(session, incident.id(), IncidentHolds.ACTOR, at)) {
      session.persist(
          new TimelineEntry(incident.id(), at, "maintenance", IncidentHolds.ACTOR, ended(st)));
    }
    return st.held();
  }

  /** Until when a window holds the response back; a hold whose window closed is released here. */
  Optional<Instant> heldUntil(Session session, Incident incident, Instant at) {
    IncidentHolds h = holds;
    if (h == null) {
      return Optional.empty();
    }
    IncidentHolds.State st = h.check(session, incident, at, Rooms.planned(session, incident.id()));
    if (st.kind() == IncidentHolds.State.Kind.ENDED) {
      release(session, incident, IncidentHolds.ACTOR, at, ended(st));
    }
    return st.held() ? Optional.of(st.until()) : Optional.empty();
  }

  boolean resume(Session session, String incidentId, Instant at) {
    IncidentHolds h = holds;
    return h != null && h.resume(session, incidentId, at);
  }

  boolean held(Session session, String incidentId) {
    IncidentHolds h = holds;
    return h != null && h.held(session, incidentId);
  }

  /** Releases the hold with {@code line} on the timeline and starts the response held back. */
  boolean release(Session s, Incident incident, String actor, Instant at, String line) {
    IncidentHolds h = holds;
    if (h == null || !h.release(s, incident.id(), actor, at)) {
      return false;
    }
    s.persist(new TimelineEntry(incident.id(), at, "maintenance", actor, line));
    if (incident.priority() == null) {
      return true; // not triaged yet: triage plans the response
    }
    start.start(s, incident, at);
    return true;
  }

  private static String ended(IncidentHolds.State st) {
    return "Maintenance window '" + st.title() + "' ended: the response held back starts now";
  }
}
