package io.opsflow.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A support ticket as stored: who asked, what about, how urgent, where it stands. {@code reference}
 * is the short form people and mail subjects use ({@code T-1A2B3C4D}).
 */
public record Ticket(
    String id,
    String reference,
    String organizationId,
    String subject,
    String description,
    String priority,
    TicketStatus status,
    String source,
    String requesterId,
    String requesterEmail,
    String assigneeId,
    Instant createdAt,
    Instant updatedAt,
    Instant customerAt,
    Instant resolvedAt,
    Instant closedAt,
    long version) {

  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(status, "status");
  }

  /** A ticket's id and reference, as answered when it is accepted. */
  public record Ref(String id, String reference) {}

  /** The short reference of a ticket id: {@code T-} and its first eight hex digits. */
  public static String referenceOf(String id) {
    return "T-" + id.replace("-", "").substring(0, 8).toUpperCase(java.util.Locale.ROOT);
  }

  public Ticket withStatus(TicketStatus s, Instant at) {
    return new Ticket(
        id,
        reference,
        organizationId,
        subject,
        description,
        priority,
        s,
        source,
        requesterId,
        requesterEmail,
        assigneeId,
        createdAt,
        at,
        customerAt,
        s == TicketStatus.RESOLVED ? at : s.done() ? resolvedAt : null,
        s == TicketStatus.CLOSED ? at : null,
        version);
  }

  public Ticket withPriority(String p, Instant at) {
    return new Ticket(
        id,
        reference,
        organizationId,
        subject,
        description,
        p,
        status,
        source,
        requesterId,
        requesterEmail,
        assigneeId,
        createdAt,
        at,
        customerAt,
        resolvedAt,
        closedAt,
        version);
  }

  public Ticket withAssignee(String userId, Instant at) {
    return new Ticket(
        id,
        reference,
        organizationId,
        subject,
        description,
        priority,
        status,
        source,
        requesterId,
        requesterEmail,
        userId,
        createdAt,
        at,
        customerAt,
        resolvedAt,
        closedAt,
        version);
  }

  public Ticket withCustomerActivity(Instant at) {
    return new Ticket(
        id,
        reference,
        organizationId,
        subject,
        description,
        priority,
        status,
        source,
        requesterId,
        requesterEmail,
        assigneeId,
        createdAt,
        at,
        at,
        resolvedAt,
        closedAt,
        version);
  }
}
