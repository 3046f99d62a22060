package io.opsflow.ticket;

import io.opsflow.db.EventOutboxRow;
import io.opsflow.db.Sql;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.notify.Timelines;
import io.opsflow.sla.SlaTickets;
import io.opsflow.ticket.model.TicketEvent;
import java.time.Instant;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * What other features write on tickets, in their transaction: the lines of delivered mails, and the
 * lines and warning and breach events of the ticket's SLA clocks.
 */
public final class TicketTimelines implements Timelines, SlaTickets {
  private final Function<TicketEvent, OutgoingRecord> events;

  public TicketTimelines(Function<TicketEvent, OutgoingRecord> events) {
    this.events = events;
  }

  /** The line of a delivered effect, when its subject is a ticket. */
  @Override
  public boolean record(Session s, TimelineEntry t) {
    boolean[] ticket = new boolean[1];
    s.doWork(
        c -> {
          ticket[0] =
              !Sql.query(c, "select 1 from ticket where id = ?", rs -> 1, t.incidentId()).isEmpty();
          if (ticket[0]) {
            new TicketStore(c).timeline(t.incidentId(), t.at(), t.kind(), t.actor(), t.message());
          }
        });
    return ticket[0];
  }

  @Override
  public void line(Session s, String ticketId, Instant at, String kind, String actor, String text) {
    s.doWork(c -> new TicketStore(c).timeline(ticketId, at, kind, actor, text));
  }

  @Override
  public void event(
      Session s, String ticketId, Instant at, boolean breached, String actor, String text) {
    s.doWork(
        c ->
            new TicketStore(c)
                .find(ticketId)
                .ifPresent(
                    t -> {
                      OutgoingRecord out =
                          events.apply(
                              TicketEvent.of(
                                  breached ? TicketEvent.SLA_BREACHED : TicketEvent.SLA_WARNING,
                                  t,
                                  actor,
                                  text,
                                  at));
                      s.persist(new EventOutboxRow(out.topic(), out.key(), out.payload(), at));
                    }));
  }
}
