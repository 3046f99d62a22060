package io.opsflow.ticket.model;

import java.time.Instant;

/** What happened to a ticket, as it leaves on {@code opsflow.events} (and to webhooks). */
public record TicketEvent(
    String type,
    String ticketId,
    String reference,
    String organizationId,
    String status,
    String priority,
    String subject,
    String actor,
    String detail,
    Instant at) {
  public static final String CREATED = "io.opsflow.ticket.created";
  public static final String COMMENTED = "io.opsflow.ticket.commented";
  public static final String STATUS_CHANGED = "io.opsflow.ticket.status_changed";
  public static final String PRIORITIZED = "io.opsflow.ticket.prioritized";
  public static final String ASSIGNED = "io.opsflow.ticket.assigned";
  public static final String LINKED = "io.opsflow.ticket.linked";
  public static final String SLA_WARNING = "io.opsflow.ticket.sla_warning";
  public static final String SLA_BREACHED = "io.opsflow.ticket.sla_breached";

  public static TicketEvent of(String type, Ticket t, String actor, String detail, Instant at) {
    return new TicketEvent(
        type,
        t.id(),
        t.reference(),
        t.organizationId(),
        t.status().wire(),
        t.priority(),
        t.subject(),
        actor,
        detail,
        at);
  }
}
