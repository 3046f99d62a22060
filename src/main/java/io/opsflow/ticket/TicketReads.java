package io.opsflow.ticket;

import io.opsflow.db.Page;
import io.opsflow.ticket.model.Ticket;
import java.util.Optional;

/** How the other features read tickets, each read within the caller's organization scope. */
public interface TicketReads {
  /** Tickets matching the filter, a page at a time. */
  Page<Ticket> list(String scope, TicketQueries.Filter f, int limit, String cursor);

  /** A ticket with its comments, attachments, timeline and SLA clocks; {@code staff} sees all. */
  Optional<TicketQueries.Detail> detail(String id, String scope, boolean staff);

  /** An attachment's file name, media type and bytes (base64), if the scope may see it. */
  Optional<String[]> attachment(String ticketId, String attachmentId, String scope, boolean staff);

  /** The ticket, if the scope sees it. */
  Optional<Ticket> find(String id, String scope);

  /** The ticket whose reference ({@code T-1A2B3C4D}) or id this is. */
  Optional<Ticket> byReference(String ref, String scope);
}
