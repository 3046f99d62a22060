package io.opsflow.slack;

import io.javalin.config.RoutesConfig;
import io.opsflow.access.AccessModule;
import io.opsflow.access.TokenRepository;
import io.opsflow.access.UserStore;
import io.opsflow.config.Platform;
import io.opsflow.db.Audit;
import io.opsflow.db.Database;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.http.Routed;
import io.opsflow.incident.IncidentActions;
import io.opsflow.incident.IncidentQueries;
import io.opsflow.intake.Envelopes;
import io.opsflow.kafka.Publisher;
import io.opsflow.slack.reply.SlackReplies;
import io.opsflow.slack.reply.SlackReplyOutbox;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.TicketQueries;
import io.opsflow.uptime.InternalIntegrations;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Slack's slash commands and buttons, wired: the routes, one command object per verb, and the
 * dispatcher that posts answers to {@code response_url}. {@code publisher} should give up within
 * Slack's 3 seconds.
 */
public final class SlackModule implements AutoCloseable, Routed {
  private final SlackRoutes routes;
  private final ResponseUrlDispatcher dispatcher;

  /** What the Slack commands use. */
  public record Parts(
      Platform platform,
      AccessModule access,
      IncidentQueries incidents,
      TicketQueries tickets,
      Supplier<OnCallSnapshot> oncall) {
    Optional<String> signingSecret() {
      return platform.config().slackSigningSecret();
    }

    Optional<String> slackApiUrl() {
      return platform.config().slackApiUrl();
    }

    Supplier<String> publicUrl() {
      return platform.publicUrl();
    }

    Database db() {
      return platform.db();
    }

    UserStore users() {
      return access.users();
    }

    TokenRepository organizations() {
      return access.organizations();
    }

    Clock clock() {
      return platform.clock();
    }

    /** The integration {@code /declare} sends its alerts as. */
    Function<String, Envelopes.Sender> slackIntegration() {
      return new InternalIntegrations(access.tokens(), organizations(), SlackReplies.INTEGRATION)
          ::of;
    }

    /** Slack waits 3 s for its answer: give up on the broker's acknowledgement before. */
    Publisher publisher() {
      return new Publisher(platform.kafka().producer(), Duration.ofSeconds(2));
    }
  }

  private SlackModule(SlackRoutes routes, ResponseUrlDispatcher dispatcher) {
    this.routes = routes;
    this.dispatcher = dispatcher;
  }

  public static SlackModule start(Parts p) {
    Audit audit = new Audit(p.db());
    Publisher publisher = p.publisher();
    IncidentActions incidentActions = new IncidentActions(p.incidents(), publisher, audit);
    TicketActions ticketActions = new TicketActions(p.tickets(), p.users(), publisher, p.clock());
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
                    p.slackIntegration(), publisher, p.organizations(), pending, audit),
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
    return new SlackModule(routes, dispatcher);
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    return List.of(routes::register);
  }

  @Override
  public void close() {
    dispatcher.close();
  }
}
