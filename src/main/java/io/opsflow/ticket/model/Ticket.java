package io.opsflow.ticket.model;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

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
    return edit(
        at,
        e -> {
          e.status = s;
          e.resolvedAt = s == TicketStatus.RESOLVED ? at : s.done() ? resolvedAt : null;
          e.closedAt = s == TicketStatus.CLOSED ? at : null;
        });
  }

  public Ticket withPriority(String p, Instant at) {
    return edit(at, e -> e.priority = p);
  }

  public Ticket withAssignee(String userId, Instant at) {
    return edit(at, e -> e.assigneeId = userId);
  }

  public Ticket withCustomerActivity(Instant at) {
    return edit(at, e -> e.customerAt = at);
  }

  /** This ticket with {@code updatedAt} set to {@code at} and what {@code change} sets. */
  private Ticket edit(Instant at, Consumer<Edit> change) {
    Edit e = new Edit(this);
    e.updatedAt = at;
    change.accept(e);
    return e.build();
  }

  /** The one copy path of the {@code with*} methods: a ticket's fields, to change some of. */
  private static final class Edit {
    private final Ticket from;
    String priority;
    TicketStatus status;
    String assigneeId;
    Instant updatedAt;
    Instant customerAt;
    Instant resolvedAt;
    Instant closedAt;

    Edit(Ticket t) {
      from = t;
      priority = t.priority;
      status = t.status;
      assigneeId = t.assigneeId;
      updatedAt = t.updatedAt;
      customerAt = t.customerAt;
      resolvedAt = t.resolvedAt;
      closedAt = t.closedAt;
    }

    Ticket build() {
      return new Ticket(
          from.id,
          from.reference,
          from.organizationId,
          from.subject,
          from.description,
          priority,
          status,
          from.source,
          from.requesterId,
          from.requesterEmail,
          assigneeId,
          from.createdAt,
          updatedAt,
          customerAt,
          resolvedAt,
          closedAt,
          from.version);
    }
  }
}
