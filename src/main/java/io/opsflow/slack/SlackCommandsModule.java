package io.opsflow.slack;

import io.javalin.config.RoutesConfig;
import io.opsflow.access.Organizations;
import io.opsflow.access.UserStore;
import io.opsflow.db.Audit;
import io.opsflow.db.Database;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.incident.IncidentActions;
import io.opsflow.incident.IncidentQueries;
import io.opsflow.intake.Envelopes;
import io.opsflow.kafka.Publisher;
import io.opsflow.slack.reply.SlackReplies;
import io.opsflow.slack.reply.SlackReplyOutbox;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.TicketQueries;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Slack's slash commands and buttons, wired: the routes, one command object per verb, and the
 * dispatcher that posts answers to {@code response_url}. {@code publisher} should give up within
 * Slack's 3 seconds.
 */
public final class SlackCommandsModule implements AutoCloseable {
  private final SlackRoutes routes;
  private final ResponseUrlDispatcher dispatcher;

  /** What the Slack commands use. */
  public record Parts(
      Optional<String> signingSecret,
      Optional<String> slackApiUrl,
      java.util.function.Supplier<String> publicUrl,
      Database db,
      IncidentQueries incidents,
      TicketQueries tickets,
      UserStore users,
      Organizations organizations,
      Supplier<OnCallSnapshot> oncall,
      Function<String, Envelopes.Sender> slackIntegration,
      Publisher publisher,
      Clock clock) {}

  private SlackCommandsModule(SlackRoutes routes, ResponseUrlDispatcher dispatcher) {
    this.routes = routes;
    this.dispatcher = dispatcher;
  }

  public static SlackCommandsModule start(Parts p) {
    Audit audit = new Audit(p.db());
    IncidentActions incidentActions = new IncidentActions(p.incidents(), p.publisher(), audit);
    TicketActions ticketActions =
        new TicketActions(p.tickets(), p.users(), p.publisher(), p.clock());
    SlackReplies replies = new SlackReplies(p.db());
    ResponseUrls urls = new ResponseUrls(p.slackApiUrl());
    PendingReplies pending = new PendingReplies(replies, urls, p.clock());
    Targets targets = new Targets(incidentActions, p.tickets());
    StatusText status = new StatusText(p.publicUrl());
    SlashCommands commands =
        new SlashCommands(
            List.of(
                new OpenTicketCommand(ticketActions, p.organizations(), pending),
                new DeclareIncidentCommand(
                    p.slackIntegration(), p.publisher(), p.organizations(), pending, audit),
                new AckCommand(incidentActions, targets, pending),
                new ResolveCommand(incidentActions, ticketActions, targets, pending),
                new PriorityCommand(incidentActions, targets, pending),
                new StatusCommand(targets, p.incidents(), p.tickets(), status),
                new OnCallCommand(p.oncall(), p.clock())));
    SlackUsers slackUsers = new SlackUsers(p.users(), p.oncall());
    SlackRoutes routes =
        new SlackRoutes(
            p.signingSecret().map(SlackSignature::new),
            slackUsers,
            commands,
            new SlackButtons(slackUsers, incidentActions, pending),
            p.clock());
    ResponseUrlDispatcher dispatcher =
        new ResponseUrlDispatcher(
            new SlackReplyOutbox(p.db()),
            urls,
            new ReplyText(p.incidents(), p.tickets(), status),
            p.clock());
    dispatcher.start();
    return new SlackCommandsModule(routes, dispatcher);
  }

  public void register(RoutesConfig config) {
    routes.register(config);
  }

  @Override
  public void close() {
    dispatcher.close();
  }
}
