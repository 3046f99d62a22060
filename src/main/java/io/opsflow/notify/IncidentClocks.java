package io.opsflow.notify;

import io.opsflow.incident.model.Incident;
import java.time.Instant;
import org.hibernate.Session;

/**
 * The SLA clocks of an incident, moved by the recorder with the incident's lifecycle events in the
 * transaction of the change; the SLA feature implements it.
 */
public interface IncidentClocks {
  /** The kind of the clock that measures the first response (a breach of it pages). */
  String RESPONSE = "response";

  void onPrioritized(Session s, Incident incident);

  void onAcknowledged(Session s, Incident incident);

  void onResolved(Session s, Incident incident);

  /** Pauses the incident's running clocks; false when none was running. */
  boolean pause(Session s, Incident incident, Instant at, String reason);

  /** Resumes the incident's paused clocks; false when none was paused. */
  boolean resume(Session s, Incident incident, Instant at);
}
