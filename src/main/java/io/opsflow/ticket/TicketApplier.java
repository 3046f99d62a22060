package io.opsflow.ticket;

import io.opsflow.db.Sql;
import io.opsflow.incident.model.Incident;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.sla.SlaClocks;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketEvent;
import io.opsflow.ticket.model.TicketMails;
import io.opsflow.ticket.model.TicketPage;
import io.opsflow.ticket.model.TicketRules;
import io.opsflow.ticket.model.TicketRules.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
  private final TicketPager pager;
  private final TicketLinks links;
  private final TicketDecisions decisions;
  private final TicketComments comments;
  private final TicketOpening opening;

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
    TicketOutbox outbox = new TicketOutbox(events, mailConfigured);
    this.pager = new TicketPager(alerts == null ? Set.of() : pagePriorities, alerts, outbox);
    this.links = new TicketLinks(outbox);
    this.decisions = new TicketDecisions(clocks, mails, outbox);
    this.comments = new TicketComments(mails, outbox, decisions);
    this.opening = new TicketOpening(clocks, mails, outbox, pager, links);
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
            opening.open(s, store, envelopeId, actor, o, at);
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
            comments.comment(s, store, actor, t, cm, at);
          } else if (cmd instanceof TicketCommand.SetStatus st) {
            Decision d = TicketRules.status(t, st.status(), st.reason(), actor, at);
            decisions.changed(
                s, store, envelopeId, actor, t, d, at, TicketEvent.STATUS_CHANGED, "status");
          } else if (cmd instanceof TicketCommand.Prioritize p) {
            Decision d = TicketRules.prioritize(t, p.priority(), p.reason(), actor, at);
            decisions.changed(
                s, store, envelopeId, actor, t, d, at, TicketEvent.PRIORITIZED, "priority");
            pager.onPrioritized(s, store, actor, t, d.ticket(), at);
          } else if (cmd instanceof TicketCommand.Assign a) {
            String name = assigneeName(s, a.assigneeId(), t.organizationId());
            Decision d = TicketRules.assign(t, a.assigneeId(), name, actor, at);
            decisions.changed(
                s, store, envelopeId, actor, t, d, at, TicketEvent.ASSIGNED, "assign");
          } else if (cmd instanceof TicketCommand.Link l) {
            links.link(s, store, actor, t, l.incidentId(), at);
          } else if (cmd instanceof TicketCommand.Watch w) {
            store.watch(t.id(), w.email());
            store.timeline(t.id(), at, "watcher", actor.name(), w.email() + " now watches");
            store.audit(at, actor.name(), t.organizationId(), "ticket.watch", t.id(), w.email());
          }
        });
  }

  /**
   * Links the incident a ticket paged with to that ticket, when the ticket is of the incident's
   * organization; false (nothing written) when there is no such ticket. Linking twice writes
   * nothing the second time.
   */
  public boolean linkPaged(Session s, String ticketId, Incident incident, Actor actor, Instant at) {
    return links.linkPaged(s, ticketId, incident, actor, at);
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
}
