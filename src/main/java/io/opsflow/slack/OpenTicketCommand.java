package io.opsflow.slack;

import io.opsflow.access.Organizations;
import io.opsflow.slack.reply.SlackReplies;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.model.Ticket;
import java.util.List;
import java.util.UUID;

/**
 * {@code /opsflow ticket [P-0|P-1|P-2] <subject>}: opens a ticket (P-2 unless said) for the user's
 * organization through {@code opsflow.tickets}; the link is posted once it is open.
 */
final class OpenTicketCommand implements SlashCommand {
  private final TicketActions tickets;
  private final Organizations organizations;
  private final PendingReplies replies;

  OpenTicketCommand(TicketActions tickets, Organizations organizations, PendingReplies replies) {
    this.tickets = tickets;
    this.organizations = organizations;
    this.replies = replies;
  }

  @Override
  public List<String> verbs() {
    return List.of("ticket");
  }

  @Override
  public String usage() {
    return "/opsflow ticket [P-0|P-1|P-2] [org=<organization>] <subject>";
  }

  @Override
  public boolean forCustomers() {
    return true;
  }

  @Override
  public String run(SlackUser user, SlackRequest request, List<String> args) {
    CommandOptions o = CommandOptions.take(args, "P-2");
    if (o.text().isBlank()) {
      throw SlashCommand.Refusal.usage("What is the ticket about? Give a subject.");
    }
    String org = o.organizationFor(user, organizations);
    String id = UUID.randomUUID().toString();
    Ticket.Ref ref =
        replies.publish(
            user,
            request,
            SlackReplies.openedKey(id),
            PendingReplies.TICKET_OPEN,
            id,
            () ->
                tickets.open(
                    user.principal(),
                    new TicketActions.NewTicket(
                        org, o.text(), "", o.priority(), null, List.of(), List.of(), "slack", null),
                    id));
    return "Opening ticket "
        + ref.reference()
        + " ("
        + o.priority()
        + ") for "
        + org
        + ": "
        + SlackText.escape(o.text())
        + ". The link follows here once it is open.";
  }
}
