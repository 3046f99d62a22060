package io.opsflow.ticket;

import io.opsflow.access.OrganizationScope;
import io.opsflow.access.Principal;
import io.opsflow.access.UserStore;
import io.opsflow.http.ApiException;
import io.opsflow.http.Emails;
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
  private final UserStore users;
  private final Publisher publisher;
  private final Clock clock;

  public TicketActions(TicketQueries queries, UserStore users, Publisher publisher, Clock clock) {
    this.queries = queries;
    this.users = users;
    this.publisher = publisher;
    this.clock = clock;
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
    Actor a = p.ticketActor();
    String org = OrganizationScope.of(p, n.organization());
    if (org == null || org.isBlank()) {
      throw ApiException.badRequest("organization is required for a caller of every organization");
    }
    Fields.atMost("organization", org, 64);
    String subject = required(n.subject(), "subject", MAX_SUBJECT);
    String description = n.description() == null ? "" : limit(n.description(), "description");
    String priority = n.priority() == null ? "P-2" : n.priority().trim().toUpperCase();
    if (!TicketRules.PRIORITIES.contains(priority)) {
      throw ApiException.badRequest("priority must be P-0, P-1 or P-2");
    }
    String requester = n.requesterEmail();
    if (requester == null && a.customer()) {
      requester = users.byId(a.userId()).map(UserStore.UserRow::email).orElse(null);
    }
    if (requester != null && !Emails.valid(requester)) {
      throw ApiException.badRequest("requesterEmail is not a mail address");
    }
    if (requester != null && !customerOf(requester, org)) {
      throw unprocessable("requesterEmail is not a customer of organization " + org);
    }
    List<String> watchers = n.watchers() == null ? List.of() : n.watchers();
    if (watchers.size() > Fields.MAX_WATCHERS) {
      throw ApiException.badRequest(
          "watchers must be at most " + Fields.MAX_WATCHERS + " addresses");
    }
    for (String w : watchers) {
      if (!Emails.valid(w)) {
        throw ApiException.badRequest("watcher '" + w + "' is not a mail address");
      }
      ownWatcher(w, org);
    }
    send(
        id,
        new TicketCommand.Open(
            id,
            org,
            subject,
            description,
            priority,
            n.source() == null ? "api" : n.source(),
            requester,
            watchers,
            n.attachments(),
            n.incidentId()),
        a);
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
    String text = required(body, "body", MAX_TEXT);
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
    staff(a);
    String pr = priority == null ? "" : priority.trim().toUpperCase();
    try {
      TicketRules.prioritize(t, pr, reason, a, clock.instant());
    } catch (TicketRules.Refused e) {
      throw ApiException.badRequest(e.getMessage());
    }
    send(t.id(), new TicketCommand.Prioritize(t.id(), pr, reason), a);
  }

  /** Assigns to an SRE given by user id or mail address; null or empty unassigns. */
  public void assign(Principal p, String ticketId, String assignee) {
    Actor a = p.ticketActor();
    Ticket t = visible(p, ticketId);
    staff(a);
    String userId = null;
    if (assignee != null && !assignee.isBlank()) {
      UserStore.UserRow u =
          (assignee.contains("@") ? users.byEmail(assignee) : users.byId(assignee))
              .filter(x -> x.role().staff() && x.active())
              .filter(
                  x -> x.organizationId() == null || x.organizationId().equals(t.organizationId()))
              .orElseThrow(
                  () -> ApiException.badRequest("no SRE '" + assignee + "' for this ticket"));
      userId = u.id();
    }
    send(t.id(), new TicketCommand.Assign(t.id(), userId), a);
  }

  public void link(Principal p, String ticketId, String incidentId) {
    Actor a = p.ticketActor();
    Ticket t = visible(p, ticketId);
    staff(a);
    required(incidentId, "incidentId", 64);
    // an unknown incident and another organization's answer alike
    if (!queries.incidentOf(incidentId.trim(), t.organizationId())) {
      throw ApiException.notFound("incident " + incidentId.trim() + " not found");
    }
    send(t.id(), new TicketCommand.Link(t.id(), incidentId.trim()), a);
  }

  public void watch(Principal p, String ticketId, String email) {
    Actor a = p.ticketActor();
    Ticket t = visible(p, ticketId);
    if (email == null || !Emails.valid(email)) {
      throw ApiException.badRequest("email is not a mail address");
    }
    ownWatcher(email, t.organizationId());
    List<String> watching = queries.watchers(t.id());
    if (watching.size() >= Fields.MAX_WATCHERS
        && watching.stream().noneMatch(w -> w.equalsIgnoreCase(email.trim()))) {
      throw new ApiException(
          409, "conflict", "a ticket has at most " + Fields.MAX_WATCHERS + " watchers");
    }
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

  /** Is {@code email} an active customer of {@code org}? */
  private boolean customerOf(String email, String org) {
    return users
        .byEmail(email.trim())
        .filter(u -> u.active() && u.role() == io.opsflow.ticket.model.Role.CUSTOMER)
        .filter(u -> io.opsflow.access.TokenRepository.names(org, u.organizationId()))
        .isPresent();
  }

  /** A watcher who is a user of another organization would read this one's tickets: 422. */
  private void ownWatcher(String email, String org) {
    users
        .byEmail(email.trim())
        .filter(
            u ->
                u.organizationId() != null
                    && !io.opsflow.access.TokenRepository.names(org, u.organizationId()))
        .ifPresent(
            u -> {
              throw unprocessable("watcher '" + email + "' is a user of another organization");
            });
  }

  private static ApiException unprocessable(String detail) {
    return new ApiException(422, "unprocessable", detail);
  }

  private static void staff(Actor a) {
    if (a.customer()) {
      throw ApiException.forbidden("this needs an SRE");
    }
  }

  private static String required(String v, String field, int max) {
    if (v == null || v.isBlank()) {
      throw ApiException.badRequest(field + " is required");
    }
    return Fields.atMost(field, v, max).trim();
  }

  private static String limit(String v, String field) {
    return Fields.atMost(field, v, MAX_TEXT);
  }
}
