package io.opsflow.ticket;

import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketPage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Pages on-call for a ticket opened at, or raised to, a priority that pages, while it has no
 * incident: its alert goes to the event outbox in the ticket's own transaction, keyed by the ticket
 * ({@link TicketPage#dedupKey()}), so the incident it opens is one however often this runs.
 */
final class TicketPager {
  private final Set<String> priorities;
  private final Function<TicketPage, OutgoingRecord> alerts;
  private final TicketOutbox outbox;

  TicketPager(
      Set<String> priorities, Function<TicketPage, OutgoingRecord> alerts, TicketOutbox outbox) {
    this.priorities = Set.copyOf(priorities);
    this.alerts = alerts;
    this.outbox = outbox;
  }

  /** A ticket was opened (not for an incident). */
  void onOpened(Session s, TicketStore store, Actor actor, Ticket t, Instant at)
      throws SQLException {
    if (priorities.contains(t.priority())) {
      page(s, store, actor, t, at);
    }
  }

  /** A ticket's priority changed (or was asked to: {@code after} may be {@code before}). */
  void onPrioritized(
      Session s, TicketStore store, Actor actor, Ticket before, Ticket after, Instant at)
      throws SQLException {
    if (!priorities.contains(before.priority())
        && priorities.contains(after.priority())
        && !store.linked(after.id())) {
      page(s, store, actor, after, at);
    }
  }

  private void page(Session s, TicketStore store, Actor actor, Ticket t, Instant at)
      throws SQLException {
    String requester =
        t.requesterEmail() == null || t.requesterEmail().isBlank()
            ? actor.name()
            : t.requesterEmail();
    outbox.record(
        s,
        alerts.apply(
            new TicketPage(
                t.id(),
                t.reference(),
                t.organizationId(),
                t.subject(),
                t.priority(),
                requester,
                actor.name())),
        at);
    store.timeline(t.id(), at, "page", actor.name(), t.priority() + ": paging on-call");
    store.audit(at, actor.name(), t.organizationId(), "ticket.page", t.id(), t.priority());
  }
}
