package io.opsflow.ticket.model;

import java.util.List;

/**
 * A change asked of a ticket. Each arrives on {@code opsflow.tickets} keyed by the ticket id, so
 * the commands of one ticket are applied in order, once each.
 */
public sealed interface TicketCommand {
  String ticketId();

  /** A new ticket. {@code incidentId} links it to an incident at once (opened by opsflow). */
  record Open(
      String ticketId,
      String organizationId,
      String subject,
      String description,
      String priority,
      String source,
      String requesterEmail,
      List<String> watchers,
      List<Attachment> attachments,
      String incidentId)
      implements TicketCommand {
    public Open {
      watchers = watchers == null ? List.of() : List.copyOf(watchers);
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
  }

  /** A public comment or an internal note; {@code via} is portal, console, api, email or slack. */
  record Comment(
      String ticketId,
      String commentId,
      Visibility visibility,
      String body,
      String via,
      List<Attachment> attachments)
      implements TicketCommand {
    public Comment {
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
  }

  /** Waiting on customer, open again, resolved or closed. */
  record SetStatus(String ticketId, TicketStatus status, String reason) implements TicketCommand {}

  /** An SRE corrects the priority; the reason goes on the timeline. */
  record Prioritize(String ticketId, String priority, String reason) implements TicketCommand {}

  /** Assigns the ticket to an SRE ({@code assigneeId} null to unassign). */
  record Assign(String ticketId, String assigneeId) implements TicketCommand {}

  /** Links the ticket to an incident. */
  record Link(String ticketId, String incidentId) implements TicketCommand {}

  /** Adds someone to be told of public updates. */
  record Watch(String ticketId, String email) implements TicketCommand {}
}
