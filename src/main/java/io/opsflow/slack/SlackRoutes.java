package io.opsflow.slack;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /slack/commands} ({@code /opsflow ...}, one {@link SlashCommand} each) and {@code
 * /slack/interactions} (the Acknowledge and Resolve buttons, {@link SlackButtons}). Every request
 * is verified with the v0 signature on its raw body first and refused with 401, nothing done, when
 * it does not match; a body that is not valid form encoding is refused with 400. Slack gets an
 * ephemeral answer within its 3 seconds; the work happens from Kafka and its outcome is posted to
 * the request's {@code response_url} once applied.
 */
public final class SlackRoutes {
  static final String COMMANDS = "/slack/commands";
  static final String INTERACTIONS = "/slack/interactions";

  private final Optional<SlackSignature> signature;
  private final SlackUsers users;
  private final SlashCommands commands;
  private final SlackButtons buttons;
  private final Clock clock;

  SlackRoutes(
      Optional<SlackSignature> signature,
      SlackUsers users,
      SlashCommands commands,
      SlackButtons buttons,
      Clock clock) {
    this.signature = signature;
    this.users = users;
    this.commands = commands;
    this.buttons = buttons;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.post(COMMANDS, this::command);
    routes.post(INTERACTIONS, this::interaction);
  }

  private Map<String, String> verifiedForm(Context ctx) {
    SlackSignature verifier =
        signature.orElseThrow(() -> new ApiException(503, "unavailable", "Slack not configured"));
    byte[] raw = Http.body(ctx);
    try {
      verifier.verify(
          raw,
          ctx.header("X-Slack-Request-Timestamp"),
          ctx.header("X-Slack-Signature"),
          clock.instant());
    } catch (SlackSignature.Refused e) {
      throw ApiException.unauthorized(e.getMessage());
    }
    return FormBody.parse(raw);
  }

  private void command(Context ctx) {
    SlackRequest request = SlackRequest.of(verifiedForm(ctx));
    reply(ctx, commands.run(users.find(request.userId()), request));
  }

  private void interaction(Context ctx) {
    reply(ctx, buttons.click(verifiedForm(ctx)));
  }

  private static void reply(Context ctx, String text) {
    Http.json(ctx, 200, Map.of("response_type", "ephemeral", "text", text));
  }
}
