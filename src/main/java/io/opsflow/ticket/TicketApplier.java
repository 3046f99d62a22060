package io.opsflow.ticket;

import io.opsflow.db.Sql;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.incident.model.WorkflowSignal;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.sla.SlaClockRow;
import io.opsflow.sla.SlaClocks;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Attachment;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketEvent;
import io.opsflow.ticket.model.TicketMails;
import io.opsflow.ticket.model.TicketPage;
import io.opsflow.ticket.model.TicketRules;
import io.opsflow.ticket.model.TicketRules.Decision;
import io.opsflow.ticket.model.TicketStatus;
import io.opsflow.ticket.model.Visibility;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Applies one ticket command inside the caller's transaction: the ticket row, its comments and
 * attachments, its timeline, its SLA clocks, the mails it causes (effect outbox), its lifecycle
 * event (event outbox), the signal for its process (workflow outbox) and the audit trail. A ticket
 * opened at, or raised to, a priority that pages (and not linked to an incident yet) also writes
 * its alert to the event outbox: on-call is paged through the incident it opens.
 */
public final class TicketApplier {
  private final SlaClocks clocks;
  private final TicketMails mails;
  private final TicketOutbox outbox;
  private final TicketPager pager;

  /** An applier whose tickets never page. */
  public TicketApplier(
      SlaClocks clocks,
      Function<TicketEvent, OutgoingRecord> events,
      TicketMails mails,
      boolean mailConfigured) {
    this(clocks, events, mails, mailConfigured, Set.of(), null);
  }

  /**
   * @param pagePriorities tickets of these priorities page on-call
   * @param alerts the alert record a ticket pages with
   */
  public TicketApplier(
      SlaClocks clocks,
      Function<TicketEvent, OutgoingRecord> events,
      TicketMails mails,
      boolean mailConfigured,
      Set<String> pagePriorities,
      Function<TicketPage, OutgoingRecord> alerts) {
    this.clocks = clocks;
    this.mails = mails;
    this.outbox = new TicketOutbox(events, mailConfigured);
    this.pager = new TicketPager(alerts == null ? Set.of() : pagePriorities, alerts, outbox);
  }

  /**
   * Applies the command.
   *
   * @throws TicketRules.Refused when it cannot apply (unknown ticket, a closed ticket, a customer
   *     asking for an SRE's action)
   */
  public void apply(Session s, String envelopeId, Actor actor, TicketCommand cmd, Instant at) {
    s.doWork(
        c -> {
          TicketStore store = new TicketStore(c);
          if (cmd instanceof TicketCommand.Open o) {
            open(s, store, envelopeId, actor, o, at);
            return;
          }
          Ticket t =
              store
                  .find(cmd.ticketId())
                  .filter(
                      x ->
                          actor.organizationId() == null
                              || actor.organizationId().equals(x.organizationId()))
                  .orElseThrow(
                      () -> new TicketRules.Refused("ticket " + cmd.ticketId() + " not found"));
          if (cmd instanceof TicketCommand.Comment cm) {
            comment(s, store, envelopeId, actor, t, cm, at);
          } else if (cmd instanceof TicketCommand.SetStatus st) {
            Decision d = TicketRules.status(t, st.status(), st.reason(), actor, at);
            changed(s, store, envelopeId, actor, t, d, at, TicketEvent.STATUS_CHANGED, "status");
          } else if (cmd instanceof TicketCommand.Prioritize p) {
            Decision d = TicketRules.prioritize(t, p.priority(), p.reason(), actor, at);
            changed(s, store, envelopeId, actor, t, d, at, TicketEvent.PRIORITIZED, "priority");
            pager.onPrioritized(s, store, actor, t, d.ticket(), at);
          } else if (cmd instanceof TicketCommand.Assign a) {
            String name = assigneeName(s, a.assigneeId(), t.organizationId());
            Decision d = TicketRules.assign(t, a.assigneeId(), name, actor, at);
            changed(s, store, envelopeId, actor, t, d, at, TicketEvent.ASSIGNED, "assign");
          } else if (cmd instanceof TicketCommand.Link l) {
            link(s, store, actor, t, l.incidentId(), at);
          } else if (cmd instanceof TicketCommand.Watch w) {
            store.watch(t.id(), w.email());
            store.timeline(t.id(), at, "watcher", actor.name(), w.email() + " now watches");
            store.audit(at, actor.name(), t.organizationId(), "ticket.watch", t.id(), w.email());
          }
        });
  }

  private void open(
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
      link(s, store, actor, t, o.incidentId(), at);
    }
    if (o.incidentId() == null) {
      clocks.start(s, subject(t));
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

  private void comment(
      Session s,
      TicketStore store,
      String envelopeId,
      Actor actor,
      Ticket t,
      TicketCommand.Comment cm,
      Instant at)
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
    apply(s, store, t, d, actor, at);
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

  private void changed(
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
  private void apply(
      Session s, TicketStore store, Ticket before, Decision d, Actor actor, Instant at)
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

  private void link(
      Session s, TicketStore store, Actor actor, Ticket t, String incidentId, Instant at)
      throws SQLException {
    io.opsflow.incident.model.Incident incident =
        s.find(io.opsflow.incident.model.Incident.class, incidentId);
    if (incident == null || !incident.organizationId().equals(t.organizationId())) {
      throw new TicketRules.Refused("incident " + incidentId + " not found in the organization");
    }
    link(s, store, actor, t, incidentId, "Linked to incident " + incidentId, at);
  }

  private boolean link(
      Session s,
      TicketStore store,
      Actor actor,
      Ticket t,
      String incidentId,
      String line,
      Instant at)
      throws SQLException {
    if (!store.link(t.id(), incidentId, actor.name(), at)) {
      return false;
    }
    store.timeline(t.id(), at, "link", actor.name(), line);
    s.persist(
        new TimelineEntry(
            incidentId, at, "ticket", actor.name(), "Linked to ticket " + t.reference()));
    outbox.event(s, TicketEvent.of(TicketEvent.LINKED, t, actor.name(), incidentId, at));
    store.audit(at, actor.name(), t.organizationId(), "ticket.link", t.id(), incidentId);
    return true;
  }

  /**
   * Links the incident a ticket paged with to that ticket, when the ticket is of the incident's
   * organization; false (nothing written) when there is no such ticket. Linking twice writes
   * nothing the second time.
   */
  public boolean linkPaged(
      Session s,
      String ticketId,
      io.opsflow.incident.model.Incident incident,
      Actor actor,
      Instant at) {
    boolean[] found = new boolean[1];
    s.doWork(
        c -> {
          TicketStore store = new TicketStore(c);
          Optional<Ticket> t =
              store
                  .find(ticketId)
                  .filter(x -> x.organizationId().equals(incident.organizationId()));
          if (t.isEmpty()) {
            return;
          }
          found[0] = true;
          String shortId = incident.id().substring(0, Math.min(8, incident.id().length()));
          link(
              s,
              store,
              actor,
              t.get(),
              incident.id(),
              "Incident " + shortId + " declared: on-call paged",
              at);
        });
    return found[0];
  }

  private static String assigneeName(Session s, String userId, String organizationId) {
    if (userId == null) {
      return null;
    }
    List<String> found = new ArrayList<>();
    s.doWork(
        c ->
            found.addAll(
                Sql.query(
                    c,
                    "select name from app_user where id = ? and role in ('sre', 'admin')"
                        + " and disabled_at is null"
                        + " and (organization_id is null or organization_id = ?)",
                    rs -> rs.getString(1),
                    userId,
                    organizationId)));
    return found.stream()
        .findFirst()
        .orElseThrow(() -> new TicketRules.Refused("no SRE " + userId + " for this organization"));
  }

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
