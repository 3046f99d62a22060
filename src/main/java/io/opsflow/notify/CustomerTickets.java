package io.opsflow.notify;

import io.opsflow.incident.model.Incident;
import java.time.Instant;
import org.hibernate.Session;

/**
 * The customer tickets that follow an incident's lifecycle, moved by the recorder in the
 * transaction of the incident's change; the ticket feature implements it.
 */
public interface CustomerTickets {
  /** The incident got its priority (or its held-back response starts). */
  void onPrioritized(Session s, Incident incident, Instant at);

  /** The incident is resolved. */
  void onResolved(Session s, Incident incident, Instant at);
}
