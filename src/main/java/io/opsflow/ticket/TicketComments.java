package io.opsflow.ticket;

import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Attachment;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketEvent;
import io.opsflow.ticket.model.TicketMails;
import io.opsflow.ticket.model.TicketRules;
import io.opsflow.ticket.model.TicketRules.Decision;
import io.opsflow.ticket.model.Visibility;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Adds a comment (public) or a note (internal) to a ticket, with its attachments; a public comment
 * tells the requester and watchers, and a customer's tells the assignee.
 */
final class TicketComments {
  private final TicketMails mails;
  private final TicketOutbox outbox;
  private final TicketDecisions decisions;

  TicketComments(TicketMails mails, TicketOutbox outbox, TicketDecisions decisions) {
    this.mails = mails;
    this.outbox = outbox;
    this.decisions = decisions;
  }

  void comment(
      Session s, TicketStore store, Actor actor, Ticket t, TicketCommand.Comment cm, Instant at)
      throws SQLException {
    if (store.commentExists(cm.commentId())) {
      return;
    }
    Decision d = TicketRules.comment(t, cm.visibility(), actor, at);
    store.comment(
        cm.commentId(),
        t.id(),
        cm.visibility().wire(),
        actor.name(),
        actor.userId(),
        actor.role().wire(),
        cm.body(),
        cm.via(),
        at);
    for (Attachment a : cm.attachments()) {
      store.attach(t.id(), cm.commentId(), a, at);
    }
    boolean internal = cm.visibility() == Visibility.INTERNAL;
    store.timeline(
        t.id(),
        at,
        internal ? "note" : "comment",
        actor.name(),
        (internal ? "Internal note by " : "Public comment by ")
            + actor.name()
            + " via "
            + cm.via());
    Ticket next = d.ticket();
    decisions.apply(s, store, t, d, actor, at);
    if (internal) {
      store.audit(at, actor.name(), t.organizationId(), "ticket.note", t.id(), null);
      return;
    }
    outbox.event(s, TicketEvent.of(TicketEvent.COMMENTED, next, actor.name(), null, at));
    List<String> to = outbox.recipients(s, store, next, actor);
    if (!to.isEmpty()) {
      outbox.mail(
          s,
          store,
          next,
          cm.commentId() + ":customer",
          mails.publicComment(next, to, actor.name(), cm.body()),
          at);
    }
    if (actor.customer() && next.assigneeId() != null) {
      Optional<String> assignee = TicketOutbox.email(s, next.assigneeId());
      if (assignee.isPresent()) {
        outbox.mail(
            s,
            store,
            next,
            cm.commentId() + ":assignee",
            mails.customerWrote(next, assignee.get(), actor.name(), cm.body()),
            at);
      }
    }
    store.audit(at, actor.name(), t.organizationId(), "ticket.comment", t.id(), null);
  }
}
