package io.opsflow.slack;

import io.opsflow.incident.IncidentQueries;
import io.opsflow.incident.IncidentReads;
import io.opsflow.incident.model.Incident;
import io.opsflow.slack.reply.SlackReplies;
import io.opsflow.slack.reply.SlackReplyOutbox;
import io.opsflow.ticket.TicketReads;
import io.opsflow.ticket.model.Ticket;
import java.util.Optional;

/**
 * The answer posted to a request's {@code response_url} once its work is applied, from the outcome
 * the consumer recorded and the ticket or incident as it is now.
 */
final class ReplyText {
  private final IncidentReads incidents;
  private final TicketReads tickets;
  private final StatusText status;

  ReplyText(IncidentReads incidents, TicketReads tickets, StatusText status) {
    this.incidents = incidents;
    this.tickets = tickets;
    this.status = status;
  }

  String render(SlackReplyOutbox.Due d) {
    SlackReplies.Request r = d.request();
    boolean refused = SlackReplies.Outcome.REFUSED.wire().equals(d.outcome());
    boolean unchanged = SlackReplies.Outcome.UNCHANGED.wire().equals(d.outcome());
    String why = d.detail() == null ? "" : ": " + SlackText.escape(d.detail());
    return switch (r.kind()) {
      case PendingReplies.TICKET_OPEN ->
          refused
              ? "The ticket could not be opened" + why + "."
              : ticket(r)
                  .map(
                      t ->
                          "Ticket "
                              + t.reference()
                              + " opened ("
                              + t.priority()
                              + "): "
                              + SlackText.escape(t.subject())
                              + "\n"
                              + status.ticketLink(t.id(), false))
                  .orElse("The ticket was opened.");
      case PendingReplies.TICKET_RESOLVE -> {
        String ref = ticket(r).map(Ticket::reference).orElse("");
        yield refused
            ? "Ticket " + ref + " could not be resolved" + why + "."
            : "Ticket " + ref + " resolved.";
      }
      case PendingReplies.INCIDENT_DECLARE ->
          Optional.ofNullable(d.detail())
              .flatMap(id -> incidents.get(r.scope(), id))
              .map(x -> declared(x.incident()))
              .orElse("The incident was declared.");
      default -> incident(r, refused, unchanged, why);
    };
  }

  private String declared(Incident i) {
    return "Incident "
        + SlackText.shortId(i.id())
        + " opened for "
        + i.organizationId()
        + ": "
        + SlackText.escape(i.title())
        + "\nId: "
        + i.id()
        + " · `/opsflow ack "
        + SlackText.shortId(i.id())
        + "` to acknowledge, `/opsflow status "
        + SlackText.shortId(i.id())
        + "` to follow it.";
  }

  private String incident(SlackReplies.Request r, boolean refused, boolean unchanged, String why) {
    String verb =
        switch (r.kind()) {
          case PendingReplies.INCIDENT_ACK -> "acknowledged";
          case PendingReplies.INCIDENT_RESOLVE -> "resolved";
          default -> "reprioritized";
        };
    Optional<Incident> i =
        incidents.get(r.scope(), r.subject()).map(IncidentQueries.Detail::incident);
    String name = "Incident " + SlackText.shortId(r.subject());
    if (refused) {
      return name + " could not be " + verb + why + ".";
    }
    if (r.kind().equals(PendingReplies.INCIDENT_PRIORITY)) {
      String p = i.map(Incident::priority).orElse("?");
      return unchanged ? name + " already was " + p + "." : name + " is now " + p + ".";
    }
    if (unchanged) {
      return name + " is already " + i.map(ReplyText::standing).orElse(verb) + ".";
    }
    return name + " " + verb + " by " + SlackText.escape(r.actor()) + ".";
  }

  /** {@code acknowledged by slack:alice}, {@code resolved by ...}, {@code triggered}. */
  private static String standing(Incident i) {
    String by =
        switch (i.status()) {
          case RESOLVED -> i.resolvedBy();
          case ACKNOWLEDGED -> i.acknowledgedBy();
          default -> null;
        };
    return i.status().wireName() + (by == null ? "" : " by " + SlackText.escape(by));
  }

  private Optional<Ticket> ticket(SlackReplies.Request r) {
    return tickets.find(r.subject(), r.scope());
  }
}
