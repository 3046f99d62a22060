package io.opsflow.ticket;

import io.opsflow.db.EventOutboxRow;
import io.opsflow.db.Sql;
import io.opsflow.db.WorkflowOutboxRow;
import io.opsflow.incident.model.WorkflowSignal;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.notify.EffectStore;
import io.opsflow.notify.model.Effect;
import io.opsflow.notify.model.EffectPlan;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketEvent;
import io.opsflow.ticket.model.TicketMails;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * What a ticket change sends out, written in its transaction: mails (effect outbox), lifecycle
 * events (event outbox) and signals for the ticket's process (workflow outbox).
 */
final class TicketOutbox {
  private final Function<TicketEvent, OutgoingRecord> events;
  private final boolean mailConfigured;

  TicketOutbox(Function<TicketEvent, OutgoingRecord> events, boolean mailConfigured) {
    this.events = events;
    this.mailConfigured = mailConfigured;
  }

  /** The requester and watchers, without the person who caused the update. */
  List<String> recipients(Session s, TicketStore store, Ticket t, Actor author)
      throws SQLException {
    Set<String> to = new LinkedHashSet<>();
    if (t.requesterEmail() != null && !t.requesterEmail().isBlank()) {
      to.add(t.requesterEmail().trim().toLowerCase(java.util.Locale.ROOT));
    }
    to.addAll(store.watchers(t.id()));
    if (author != null && author.name() != null) {
      to.remove(author.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (author != null && author.userId() != null) {
      email(s, author.userId()).ifPresent(e -> to.remove(e.toLowerCase(java.util.Locale.ROOT)));
    }
    return new ArrayList<>(to);
  }

  void mail(Session s, TicketStore store, Ticket t, String key, TicketMails.Mail m, Instant at)
      throws SQLException {
    Effect.SendMail e =
        new Effect.SendMail(
            t.id(), "ticket:" + t.id() + ":" + key, m.to(), m.subject(), m.text(), m.html());
    int added =
        EffectStore.plan(
            s, new EffectPlan(List.of(e), List.of()), mailConfigured, at.toEpochMilli());
    if (added > 0 && !mailConfigured) {
      store.timeline(
          t.id(),
          at,
          "effect_skipped",
          EffectRecorder.ACTOR,
          "Mail to "
              + String.join(", ", m.to())
              + " not sent: mail not configured (kept in the outbox)");
    }
  }

  static Optional<String> email(Session s, String userId) {
    List<String> found = new ArrayList<>();
    s.doWork(
        c ->
            found.addAll(
                Sql.query(
                    c, "select email from app_user where id = ?", rs -> rs.getString(1), userId)));
    return found.stream().findFirst();
  }

  void event(Session s, TicketEvent e) {
    record(s, events.apply(e), e.at());
  }

  /** Any record for Kafka, published once this transaction committed. */
  void record(Session s, OutgoingRecord r, Instant at) {
    s.persist(new EventOutboxRow(r.topic(), r.key(), r.payload(), at));
  }

  static void signal(Session s, Ticket t, WorkflowSignal.Kind kind, Actor a, Instant at) {
    s.persist(new WorkflowOutboxRow(t.id(), t.organizationId(), kind.name(), a.name(), at));
  }
}
