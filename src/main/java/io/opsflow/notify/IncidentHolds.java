package io.opsflow.notify;

import io.opsflow.incident.model.Incident;
import java.time.Instant;
import org.hibernate.Session;

/**
 * What holds an incident's response back (a maintenance window of its service), asked by the
 * recorder before it plans the response; the feature that keeps the windows implements it. Every
 * call works in the caller's transaction.
 */
public interface IncidentHolds {
  /** The actor of the timeline lines a hold writes. */
  String ACTOR = "opsflow:maintenance";

  /**
   * Where an incident stands: never held or released, held until an instant, or its window over.
   */
  record State(Kind kind, Instant until, String title) {
    public enum Kind {
      FREE,
      HELD,
      ENDED
    }

    public boolean held() {
      return kind == Kind.HELD;
    }
  }

  /** The incident's hold at {@code at}, started when a window of its service is open now. */
  State check(Session s, Incident incident, Instant at, boolean roomPlanned);

  /** Ends the hold (a person escalated, or the window closed); false when none was held. */
  boolean release(Session s, String incidentId, String actor, Instant at);

  /** True once, for the first escalation step after the release: its timing starts anew. */
  boolean resume(Session s, String incidentId, Instant at);

  /** Whether the incident's response is held back now (a hold not released). */
  boolean held(Session s, String incidentId);
}
