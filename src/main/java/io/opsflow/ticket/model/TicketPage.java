package io.opsflow.ticket.model;

import java.util.Map;

/**
 * A ticket urgent enough to page on-call: it becomes an alert of its organization, grouped by
 * {@link #dedupKey()}, so one ticket pages once however often it is raised to that priority.
 *
 * @param requester who asked (the requester's mail address, else who opened or raised the ticket)
 * @param raisedBy who opened the ticket at this priority or raised it to it
 */
public record TicketPage(
    String ticketId,
    String reference,
    String organizationId,
    String subject,
    String priority,
    String requester,
    String raisedBy) {
  /** The name of the internal integration tickets page as. */
  public static final String INTEGRATION = "tickets";

  /** The custom detail naming the ticket an alert pages for. */
  public static final String TICKET_ID = "ticket_id";

  private static final Map<String, String> SEVERITY =
      Map.of("P-0", "critical", "P-1", "error", "P-2", "warning");

  /** The alert key: one per ticket. */
  public String dedupKey() {
    return "ticket-" + ticketId;
  }

  /** What on-call reads: the reference and the subject. */
  public String summary() {
    String s = reference + ": " + subject;
    return s.length() <= 1024 ? s : s.substring(0, 1021) + "...";
  }

  /** The alert severity that triage turns back into the ticket's priority (P-0: critical). */
  public String severity() {
    return SEVERITY.getOrDefault(priority, "critical");
  }
}
