package io.opsflow.ticket;

import io.opsflow.incident.model.WorkflowSignal;
import io.opsflow.sla.SlaClockRow;
import io.opsflow.sla.SlaClocks;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketEvent;
import io.opsflow.ticket.model.TicketMails;
import io.opsflow.ticket.model.TicketRules;
import io.opsflow.ticket.model.TicketRules.Decision;
import io.opsflow.ticket.model.TicketStatus;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes a decision of the ticket rules: the ticket row, its timeline notes, its SLA clocks' moves
 * and its process signal, then the event, mail and audit line the change sends out.
 */
final class TicketDecisions {
  private final SlaClocks clocks;
  private final TicketMails mails;
  private final TicketOutbox outbox;

  TicketDecisions(SlaClocks clocks, TicketMails mails, TicketOutbox outbox) {
    this.clocks = clocks;
    this.mails = mails;
    this.outbox = outbox;
  }

  void changed(
      Session s,
      TicketStore store,
      String envelopeId,
      Actor actor,
      Ticket t,
      Decision d,
      Instant at,
      String eventType,
      String action)
      throws SQLException {
    if (d.ticket() == t && d.notes().isEmpty()) {
      return;
    }
    apply(s, store, t, d, actor, at);
    String line = String.join("; ", d.notes());
    outbox.event(s, TicketEvent.of(eventType, d.ticket(), actor.name(), line, at));
    if (d.tellCustomer()) {
      List<String> to = outbox.recipients(s, store, d.ticket(), actor);
      if (!to.isEmpty()) {
        outbox.mail(
            s,
            store,
            d.ticket(),
            envelopeId + ":" + action,
            mails.statusChanged(d.ticket(), to, line),
            at);
      }
    }
    store.audit(at, actor.name(), t.organizationId(), "ticket." + action, t.id(), line);
  }

  /** Writes the decision: ticket row, timeline notes, clocks and the process signal. */
  void apply(Session s, TicketStore store, Ticket before, Decision d, Actor actor, Instant at)
      throws SQLException {
    if (d.ticket() != before) {
      store.update(d.ticket());
    }
    for (String note : d.notes()) {
      store.timeline(before.id(), at, "status", actor.name(), note);
    }
    SlaClocks.Subject subject = subject(d.ticket());
    for (TicketRules.Clocks move : d.clocks()) {
      switch (move) {
        case STOP_RESPONSE -> clocks.stop(s, subject, SlaClockRow.RESPONSE, at);
        case PAUSE_ALL -> clocks.pause(s, subject, at, d.clockReason(), null);
        case PAUSE_RESOLUTION ->
            clocks.pause(s, subject, at, d.clockReason(), SlaClockRow.RESOLUTION);
        case RESUME_ALL -> clocks.resume(s, subject, at);
        case STOP_ALL -> {
          clocks.stop(s, subject, SlaClockRow.RESPONSE, at);
          clocks.stop(s, subject, SlaClockRow.RESOLUTION, at);
        }
        case RETARGET -> clocks.start(s, subject);
      }
    }
    if (d.signal() != null) {
      WorkflowSignal.Kind kind =
          switch (d.signal()) {
            case RESOLVED -> WorkflowSignal.Kind.TICKET_RESOLVED;
            case REOPENED -> WorkflowSignal.Kind.TICKET_REOPENED;
            case CLOSED -> WorkflowSignal.Kind.TICKET_CLOSED;
          };
      TicketOutbox.signal(s, d.ticket(), kind, actor, at);
    }
  }

  /** What the ticket's SLA clocks measure. */
  static SlaClocks.Subject subject(Ticket t) {
    return new SlaClocks.Subject(
        SlaClocks.TICKET,
        t.id(),
        t.organizationId(),
        t.priority(),
        t.createdAt(),
        null,
        t.status() == TicketStatus.CLOSED ? t.closedAt() : null);
  }
}
