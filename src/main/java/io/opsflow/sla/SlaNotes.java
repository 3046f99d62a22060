package io.opsflow.sla;

import io.opsflow.db.WorkflowOutboxRow;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.incident.model.WorkflowSignal;
import java.time.Clock;
import java.time.Instant;
import org.hibernate.Session;

/**
 * What SLA clocks write beside their rows, in the caller's transaction: lines on their subject's
 * timeline (an incident's, or a ticket's through {@link SlaTickets}) and the signals that make the
 * clock's process schedule again.
 */
final class SlaNotes {
  private final Clock clock;
  private volatile SlaTickets tickets;

  SlaNotes(Clock clock) {
    this.clock = clock;
  }

  void tickets(SlaTickets tickets) {
    this.tickets = tickets;
  }

  /** The ticket feature's side of ticket clocks; null without it (its clocks then tell nobody). */
  SlaTickets tickets() {
    return tickets;
  }

  /** A line on the subject's timeline. */
  void line(Session s, String type, String subjectId, Instant at, String kind, String text) {
    if (SlaClocks.TICKET.equals(type)) {
      SlaTickets t = tickets;
      if (t != null) {
        t.line(s, subjectId, at, kind, SlaClocks.ACTOR, text);
      }
    } else {
      s.persist(new TimelineEntry(subjectId, at, kind, SlaClocks.ACTOR, text));
    }
  }

  /** An {@code sla} line on the subject's timeline, now. */
  void note(Session s, String type, String subjectId, String message) {
    line(s, type, subjectId, clock.instant(), "sla", message);
  }

  /** Tells the clock's process to schedule again. */
  void signal(Session s, String clockId, String org, WorkflowSignal.Kind kind) {
    s.persist(new WorkflowOutboxRow(clockId, org, kind.name(), SlaClocks.ACTOR, clock.instant()));
  }
}
