package io.opsflow.slack;

import io.opsflow.incident.IncidentActions;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.EnvelopeIds;
import io.opsflow.slack.reply.SlackReplies;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.model.Ticket;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /opsflow resolve [id]}: resolves an incident through {@code opsflow.commands}, or a ticket
 * (reference {@code T-1A2B3C4D}) through {@code opsflow.tickets}; the outcome is posted once
 * applied.
 */
final class ResolveCommand implements SlashCommand {
  private final IncidentActions incidents;
  private final TicketActions tickets;
  private final Targets targets;
  private final PendingReplies replies;

  ResolveCommand(
      IncidentActions incidents, TicketActions tickets, Targets targets, PendingReplies replies) {
    this.incidents = incidents;
    this.tickets = tickets;
    this.targets = targets;
    this.replies = replies;
  }

  @Override
  public List<String> verbs() {
    return List.of("resolve");
  }

  @Override
  public String usage() {
    return "/opsflow resolve [incident id | ticket T-XXXXXXXX]";
  }

  @Override
  public String run(SlackUser user, SlackRequest request, List<String> args) {
    if (args.size() == 1) {
      String word = args.get(0);
      if (Targets.ticketReference(word)) {
        return resolveTicket(user, request, ticket(word, user));
      }
      if (targets.incident(word).isEmpty()) {
        Optional<Ticket> t = targets.ticket(word, user.scope());
        if (t.isPresent()) {
          return resolveTicket(user, request, t.get());
        }
      }
    }
    String incident = targets.incident(args, request);
    String commandId = EnvelopeIds.next();
    replies.publish(
        user,
        request,
        commandId,
        PendingReplies.INCIDENT_RESOLVE,
        incident,
        () ->
            incidents.request(
                commandId,
                incident,
                EnvelopeTypes.RESOLVE,
                Map.of(),
                user.actor(),
                SlackRoutes.COMMANDS,
                user.scope()));
    return "Resolving incident " + incident + ".";
  }

  private Ticket ticket(String word, SlackUser user) {
    return targets
        .ticket(word, user.scope())
        .orElseThrow(
            () ->
                SlashCommand.Refusal.because(
                    "Not found: no ticket " + SlackText.escape(word) + "."));
  }

  private String resolveTicket(SlackUser user, SlackRequest request, Ticket t) {
    if (t.status().done()) {
      throw SlashCommand.Refusal.because(
          "Ticket " + t.reference() + " is already " + t.status().wire() + ".");
    }
    replies.publish(
        user,
        request,
        SlackReplies.resolvedKey(t.id()),
        PendingReplies.TICKET_RESOLVE,
        t.id(),
        () -> {
          tickets.status(user.principal(), t.id(), "resolved", "resolved from Slack");
          return null;
        });
    return "Resolving ticket " + t.reference() + ": " + SlackText.escape(t.subject()) + ".";
  }
}
