package io.opsflow.sla;

import java.time.Instant;
import org.hibernate.Session;

/**
 * The tickets SLA clocks also measure, as the ticket feature keeps them (it implements this): the
 * clocks write on their timelines and send their warning and breach events, in the caller's
 * transaction.
 */
public interface SlaTickets {
  /** A line on the ticket's timeline. */
  void line(Session s, String ticketId, Instant at, String kind, String actor, String text);

  /** The ticket's SLA warning (or breach) event, for the event outbox; none for a ticket gone. */
  void event(Session s, String ticketId, Instant at, boolean breached, String actor, String text);
}
