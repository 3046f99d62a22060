package io.opsflow.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of tickets, the portal and console, and inbound mail.
 *
 * @param publicUrl the address people reach opsflow at, for links in mails (default {@code
 *     http://localhost:<port>})
 * @param autoCloseAfter how long a resolved ticket stays resolved without a reply before it closes
 * @param unknownSenders what a mail from an address opsflow does not know does: {@code refuse}
 *     (answer with a refusal) or {@code open:<organization>} (open a ticket for that organization)
 * @param imapPoll how often the mailbox is read
 * @param sessionIdle a portal or console session ends after this long without a request
 * @param sessionMax and after this long in any case
 * @param incidentTicketPriorities incidents of these priorities open a ticket for their customers
 * @param ticketPagePriorities tickets opened at, or raised to, these priorities page on-call
 *     through an incident of their organization (empty: tickets never page)
 */
public record TicketsConfig(
    Optional<String> publicUrl,
    Duration autoCloseAfter,
    String unknownSenders,
    Duration imapPoll,
    Duration sessionIdle,
    Duration sessionMax,
    java.util.Set<String> incidentTicketPriorities,
    java.util.Set<String> ticketPagePriorities) {

  public TicketsConfig {
    incidentTicketPriorities = java.util.Set.copyOf(incidentTicketPriorities);
    ticketPagePriorities = java.util.Set.copyOf(ticketPagePriorities);
  }

  public static TicketsConfig defaults() {
    return new TicketsConfig(
        Optional.empty(),
        Duration.ofDays(7),
        "refuse",
        Duration.ofSeconds(30),
        Duration.ofHours(2),
        Duration.ofHours(12),
        java.util.Set.of("P-0", "P-1"),
        java.util.Set.of("P-0"));
  }

  /** The organization unknown senders open tickets for, empty when they are refused. */
  public Optional<String> unknownSenderOrganization() {
    return unknownSenders.startsWith("open:")
        ? Optional.of(unknownSenders.substring(5).trim())
        : Optional.empty();
  }
}
