package io.opsflow.ticket;

import io.opsflow.incident.model.WorkflowSignal;
import io.opsflow.sla.SlaClocks;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Attachment;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketEvent;
import io.opsflow.ticket.model.TicketMails;
import io.opsflow.ticket.model.TicketRules;
import io.opsflow.ticket.model.TicketStatus;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * Opens a ticket: its row, attachments, watchers and timeline, its link to the incident it is
 * opened for (which measures its SLA) or else its own clocks and page, its process, event, mail and
 * audit line.
 */
final class TicketOpening {
  private final SlaClocks clocks;
  private final TicketMails mails;
  private final TicketOutbox outbox;
  private final TicketPager pager;
  private final TicketLinks links;

  TicketOpening(
      SlaClocks clocks,
      TicketMails mails,
      TicketOutbox outbox,
      TicketPager pager,
      TicketLinks links) {
    this.clocks = clocks;
    this.mails = mails;
    this.outbox = outbox;
    this.pager = pager;
    this.links = links;
  }

  void open(
      Session s,
      TicketStore store,
      String envelopeId,
      Actor actor,
      TicketCommand.Open o,
      Instant at)
      throws SQLException {
    if (store.find(o.ticketId()).isPresent()) {
      return;
    }
    if (!TicketRules.PRIORITIES.contains(o.priority())) {
      throw new TicketRules.Refused("priority must be P-0, P-1 or P-2");
    }
    if (actor.organizationId() != null && !actor.organizationId().equals(o.organizationId())) {
      throw new TicketRules.Refused("a ticket can only be opened for the caller's organization");
    }
    String requesterId = actor.customer() ? actor.userId() : null;
    Ticket t =
        new Ticket(
            o.ticketId(),
            Ticket.referenceOf(o.ticketId()),
            o.organizationId(),
            o.subject(),
            o.description(),
            o.priority(),
            TicketStatus.NEW,
            o.source(),
            requesterId,
            o.requesterEmail(),
            null,
            at,
            at,
            actor.customer() ? at : null,
            null,
            null,
            1);
    store.insert(t);
    for (Attachment a : o.attachments()) {
      store.attach(t.id(), null, a, at);
    }
    for (String w : o.watchers()) {
      store.watch(t.id(), w);
    }
    store.timeline(
        t.id(),
        at,
        "opened",
        actor.name(),
        "Opened by " + actor.name() + " via " + o.source() + " as " + o.priority());
    if (o.incidentId() != null) {
      links.link(s, store, actor, t, o.incidentId(), at);
    }
    if (o.incidentId() == null) {
      clocks.start(s, TicketDecisions.subject(t));
      pager.onOpened(s, store, actor, t, at);
    } else {
      store.timeline(t.id(), at, "sla", actor.name(), "SLA measured on incident " + o.incidentId());
    }
    TicketOutbox.signal(s, t, WorkflowSignal.Kind.TICKET_START, actor, at);
    outbox.event(s, TicketEvent.of(TicketEvent.CREATED, t, actor.name(), null, at));
    List<String> to = outbox.recipients(s, store, t, null);
    if (!to.isEmpty()) {
      outbox.mail(s, store, t, envelopeId + ":opened", mails.opened(t, to), at);
    }
    store.audit(at, actor.name(), t.organizationId(), "ticket.open", t.id(), o.subject());
  }
}
