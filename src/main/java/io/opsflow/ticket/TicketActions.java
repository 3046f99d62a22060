package io.opsflow.ticket;

import io.opsflow.access.Principal;
import io.opsflow.access.Users;
import io.opsflow.http.ApiException;
import io.opsflow.http.Fields;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Attachment;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketRules;
import io.opsflow.ticket.model.TicketStatus;
import io.opsflow.ticket.model.Visibility;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What people may do to tickets, checked at the edge and then written to {@code opsflow.tickets}:
 * the API, the portal, the console and Slack all come through here. A ticket another organization
 * owns is "not found", never "forbidden".
 */
public final class TicketActions {
  public static final int MAX_SUBJECT = 300;
  public static final int MAX_TEXT = 64 * 1024;

  private final TicketQueries queries;
  private final Publisher publisher;
  private final Clock clock;
  private final TicketChecks checks;
  private final OpenTicketRequest opening;
  private final TicketStaffActions staff;

  public TicketActions(TicketQueries queries, Users users, Publisher publisher, Clock clock) {
    this.queries = queries;
    this.publisher = publisher;
    this.clock = clock;
    this.checks = new TicketChecks(users);
    this.opening = new OpenTicketRequest(users, checks);
    this.staff = new TicketStaffActions(queries, users, clock);
  }

  /** A ticket to open, as a person asked for it. */
  public record NewTicket(
      String organization,
      String subject,
      String description,
      String priority,
      String requesterEmail,
      List<String> watchers,
      List<Attachment> attachments,
      String source,
      String incidentId) {}

  /** Opens a ticket; returns its id at once (the work happens from Kafka). */
  public Ticket.Ref open(Principal p, NewTicket n) {
    return open(p, n, UUID.randomUUID().toString());
  }

  /** Opens a ticket with an id the caller chose (to wait for it, as Slack does). */
  public Ticket.Ref open(Principal p, NewTicket n, String id) {
    send(id, opening.command(p, n, id), p.ticketActor());
    return new Ticket.Ref(id, Ticket.referenceOf(id));
  }

  /** Adds a comment; customers write public comments only. Returns the comment id. */
  public String comment(
      Principal p, String ticketId, String body, Visibility v, List<Attachment> files, String via) {
    Actor a = p.ticketActor();
    Ticket t = visible(p, ticketId);
    if (v == Visibility.INTERNAL && a.customer()) {
      throw ApiException.forbidden("customers write public comments only");
    }
    if (t.status() == TicketStatus.CLOSED) {
      throw new ApiException(409, "conflict", "ticket " + t.reference() + " is closed");
    }
    String text = TicketChecks.required(body, "body", MAX_TEXT);
    String commentId = UUID.randomUUID().toString();
    send(
        t.id(),
        new TicketCommand.Comment(
            t.id(), commentId, v, text, via, files == null ? List.of() : files),
        a);
    return commentId;
  }

  public void status(Principal p, String ticketId, String status, String reason) {
    Actor a = p.ticketActor();
    Fields.atMost("reason", reason, Fields.REASON);
    Ticket t = visible(p, ticketId);
    TicketStatus to =
        TicketStatus.parse(status)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "status must be open, waiting-on-customer, resolved or closed"));
    try {
      TicketRules.status(t, to, reason, a, clock.instant());
    } catch (TicketRules.Refused e) {
      throw a.customer() && e.getMessage().startsWith("customers")
          ? ApiException.forbidden(e.getMessage())
          : new ApiException(409, "conflict", e.getMessage());
    }
    send(t.id(), new TicketCommand.SetStatus(t.id(), to, reason), a);
  }

  public void prioritize(Principal p, String ticketId, String priority, String reason) {
    Actor a = p.ticketActor();
    Fields.atMost("reason", reason, Fields.REASON);
    Ticket t = visible(p, ticketId);
    send(t.id(), staff.prioritize(a, t, priority, reason), a);
  }

  /** Assigns to an SRE given by user id or mail address; null or empty unassigns. */
  public void assign(Principal p, String ticketId, String assignee) {
    Actor a = p.ticketActor();
    Ticket t = visible(p, ticketId);
    send(t.id(), staff.assign(a, t, assignee), a);
  }

  public void link(Principal p, String ticketId, String incidentId) {
    Actor a = p.ticketActor();
    Ticket t = visible(p, ticketId);
    send(t.id(), staff.link(a, t, incidentId), a);
  }

  public void watch(Principal p, String ticketId, String email) {
    Actor a = p.ticketActor();
    Ticket t = visible(p, ticketId);
    checks.newWatcher(t, email, queries);
    send(t.id(), new TicketCommand.Watch(t.id(), email.trim()), a);
  }

  /** The ticket if the caller may see it, else 404. */
  public Ticket visible(Principal p, String ticketId) {
    return queries
        .find(ticketId, p.scope())
        .orElseThrow(() -> ApiException.notFound("ticket " + ticketId + " not found"));
  }

  private void send(String key, TicketCommand c, Actor a) {
    publisher.publish(Topics.TICKETS, key, TicketEnvelopes.encode(c, a, clock.instant()));
  }
}
