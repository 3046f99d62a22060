package io.opsflow.slack;

import io.opsflow.incident.IncidentQueries;
import io.opsflow.incident.IncidentReads;
import io.opsflow.ticket.TicketReads;
import io.opsflow.ticket.model.Ticket;
import java.util.List;
import java.util.Optional;

/**
 * {@code /opsflow status <id>}: an incident's or a ticket's status, priority, SLA clocks and last
 * update, answered at once (a read). Only items of the user's organization are found; another
 * organization's are "not found", as missing ones.
 */
final class StatusCommand implements SlashCommand {
  private final Targets targets;
  private final IncidentReads incidents;
  private final TicketReads tickets;
  private final StatusText text;

  StatusCommand(Targets targets, IncidentReads incidents, TicketReads tickets, StatusText text) {
    this.targets = targets;
    this.incidents = incidents;
    this.tickets = tickets;
    this.text = text;
  }

  @Override
  public List<String> verbs() {
    return List.of("status");
  }

  @Override
  public String usage() {
    return "/opsflow status <incident id | ticket T-XXXXXXXX>";
  }

  @Override
  public boolean forCustomers() {
    return true;
  }

  @Override
  public String run(SlackUser user, SlackRequest request, List<String> args) {
    if (args.size() > 1) {
      throw SlashCommand.Refusal.usage("One incident or ticket at a time.");
    }
    String scope = user.scope();
    if (args.isEmpty()) {
      String incident = targets.incident(args, request);
      return incidents
          .get(scope, incident)
          .map(text::incident)
          .orElseThrow(() -> notFound(incident));
    }
    String word = args.get(0);
    Optional<Ticket> ticket = targets.ticket(word, scope);
    if (ticket.isPresent()) {
      boolean staff = !user.customer();
      return tickets
          .detail(ticket.get().id(), scope, staff)
          .map(d -> text.ticket(d, staff))
          .orElseThrow(() -> notFound(word));
    }
    if (!Targets.ticketReference(word)) {
      Optional<IncidentQueries.Detail> d =
          targets.incident(word).flatMap(id -> incidents.get(scope, id));
      if (d.isPresent()) {
        return text.incident(d.get());
      }
    }
    throw notFound(word);
  }

  private static SlashCommand.Refusal notFound(String word) {
    return SlashCommand.Refusal.because(
        "Not found: no incident or ticket `" + SlackText.escape(word) + "`.");
  }
}
