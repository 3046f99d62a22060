package io.opsflow.web.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.ingest.EnvelopeTypes;
import io.opsflow.web.ApiException;
import io.opsflow.web.Http;
import io.opsflow.web.IncidentActions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /slack/commands} ({@code /opsflow ...}, one {@link SlashCommand} each) and {@code
 * /slack/interactions} (the Acknowledge and Resolve buttons). Every request is verified with the v0
 * signature on its raw body first and refused with 401, nothing done, when it does not match. Slack
 * gets an ephemeral answer within its 3 seconds; the work happens from Kafka and its outcome is
 * posted to the request's {@code response_url} once applied.
 */
public final class SlackRoutes {
  static final String COMMANDS = "/slack/commands";
  static final String INTERACTIONS = "/slack/interactions";

  private final Optional<SlackSignature> signature;
  private final SlackUsers users;
  private final SlashCommands commands;
  private final IncidentActions actions;
  private final Clock clock;

  SlackRoutes(
      Optional<SlackSignature> signature,
      SlackUsers users,
      SlashCommands commands,
      IncidentActions actions,
      Clock clock) {
    this.signature = signature;
    this.users = users;
    this.commands = commands;
    this.actions = actions;
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
    return SlackRequest.form(new String(raw, StandardCharsets.UTF_8));
  }

  private void command(Context ctx) {
    SlackRequest request = SlackRequest.of(verifiedForm(ctx));
    reply(ctx, commands.run(users.find(request.userId()), request));
  }

  private void interaction(Context ctx) {
    Map<String, String> form = verifiedForm(ctx);
    JsonNode payload;
    try {
      payload = Http.JSON.readTree(form.getOrDefault("payload", ""));
    } catch (IOException e) {
      throw ApiException.badRequest("payload is not JSON");
    }
    JsonNode action = payload.path("actions").path(0);
    String type =
        switch (action.path("action_id").asText()) {
          case "acknowledge" -> EnvelopeTypes.ACKNOWLEDGE;
          case "resolve" -> EnvelopeTypes.RESOLVE;
          default -> throw ApiException.badRequest("unknown action");
        };
    String user = payload.path("user").path("username").asText(null);
    if (user == null) {
      user = payload.path("user").path("name").asText(payload.path("user").path("id").asText());
    }
    String incidentId = action.path("value").asText();
    String verb = type.equals(EnvelopeTypes.ACKNOWLEDGE) ? "Acknowledging" : "Resolving";
    String text;
    try {
      actions.request(incidentId, type, "slack:" + user, INTERACTIONS, null);
      text = verb + " incident " + incidentId + ".";
    } catch (ApiException e) {
      text = "Cannot do that: " + e.getMessage() + ".";
    }
    reply(ctx, text);
  }

  private static void reply(Context ctx, String text) {
    Http.json(ctx, 200, Map.of("response_type", "ephemeral", "text", text));
  }
}
