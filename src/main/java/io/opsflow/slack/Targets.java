package io.opsflow.slack;

import io.opsflow.incident.IncidentActions;
import io.opsflow.ticket.TicketReads;
import io.opsflow.ticket.model.Ticket;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the id in a command names: a ticket (its reference {@code T-1A2B3C4D} or id) in the user's
 * organization, or an incident (its id, a unique short id of 6 or more characters, or, with no id,
 * the incident whose war room the command was typed in).
 */
final class Targets {
  private static final Pattern TICKET_REFERENCE = Pattern.compile("(?i)T-[0-9A-F]{8}");

  private final IncidentActions incidents;
  private final TicketReads tickets;

  Targets(IncidentActions incidents, TicketReads tickets) {
    this.incidents = incidents;
    this.tickets = tickets;
  }

  static boolean ticketReference(String word) {
    return TICKET_REFERENCE.matcher(word).matches();
  }

  /** The ticket a reference or id names, if the scope sees it. */
  Optional<Ticket> ticket(String word, String scope) {
    return tickets.byReference(word, scope);
  }

  /** The incident id the words name (not checked against the scope: actions and reads are). */
  Optional<String> incident(String word) {
    return incidents.resolveId(word);
  }

  /**
   * The incident the arguments name, or the war room's with none.
   *
   * @throws SlashCommand.Refusal when there is none, or several
   */
  String incident(List<String> args, SlackRequest request) {
    if (args.size() > 1) {
      throw SlashCommand.Refusal.usage("One incident at a time.");
    }
    if (args.isEmpty()) {
      return incidents
          .incidentOfChannel(request.channelId())
          .orElseThrow(
              () ->
                  SlashCommand.Refusal.usage(
                      "Which incident? This channel is not an incident's war room."));
    }
    return incident(args.get(0))
        .orElseThrow(
            () ->
                SlashCommand.Refusal.because(
                    "No single incident matches `" + SlackText.escape(args.get(0)) + "`."));
  }
}
