package io.opsflow.web.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.ingest.EnvelopeTypes;
import io.opsflow.web.ApiException;
import io.opsflow.web.Http;
import io.opsflow.web.IncidentActions;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /slack/commands} ({@code /opsflow ack <id>}, {@code /opsflow resolve <id>}) and {@code
 * /slack/interactions} (the Acknowledge and Resolve buttons). Every request is verified with the v0
 * signature on its raw body first; Slack gets its answer within its 3 seconds because the work
 * itself happens from {@code opsflow.commands}. The workspace is the operating team's own, so its
 * members act on incidents of every organization, as {@code slack:<user name>}.
 */
public final class SlackRoutes {
  private final Optional<SlackSignature> signature;
  private final IncidentActions actions;
  private final Clock clock;

  public SlackRoutes(Optional<SlackSignature> signature, IncidentActions actions, Clock clock) {
    this.signature = signature;
    this.actions = actions;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.post("/slack/commands", this::command);
    routes.post("/slack/interactions", this::interaction);
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
    return form(new String(raw, StandardCharsets.UTF_8));
  }

  static final String USAGE =
      "Usage: `/opsflow ack [incident]`, `/opsflow resolve [incident]`,"
          + " `/opsflow priority [incident] P-0|P-1|P-2`; the incident is its id or short id,"
          + " and may be left out in its war room.";

  private void command(Context ctx) {
    Map<String, String> form = verifiedForm(ctx);
    List<String> words =
        new ArrayList<>(List.of(form.getOrDefault("text", "").trim().split("\\s+")));
    String verb = words.remove(0).toLowerCase(Locale.ROOT);
    String priority =
        verb.equals("priority") && !words.isEmpty()
            ? words.remove(words.size() - 1).toUpperCase(Locale.ROOT)
            : null;
    String type =
        switch (verb) {
          case "ack", "acknowledge" -> EnvelopeTypes.ACKNOWLEDGE;
          case "resolve" -> EnvelopeTypes.RESOLVE;
          case "priority" -> priority == null ? null : EnvelopeTypes.PRIORITIZE;
          default -> null;
        };
    if (type == null || words.size() > 1) {
      reply(ctx, USAGE);
      return;
    }
    Optional<String> incident =
        words.isEmpty()
            ? actions.incidentOfChannel(form.get("channel_id"))
            : actions.resolveId(words.get(0));
    if (incident.isEmpty()) {
      reply(
          ctx,
          words.isEmpty()
              ? "Which incident? This channel is not an incident's war room. " + USAGE
              : "No single incident matches `" + words.get(0) + "`.");
      return;
    }
    String user = form.get("user_name");
    if (priority != null) {
      reply(ctx, prioritize(incident.get(), priority, user));
      return;
    }
    reply(ctx, act(incident.get(), type, user, "/slack/commands"));
  }

  private String prioritize(String incidentId, String priority, String user) {
    try {
      actions.prioritize(incidentId, priority, "slack:" + user, "/slack/commands", null);
      return "Setting incident " + incidentId + " to " + priority + ".";
    } catch (ApiException e) {
      return "Cannot do that: " + e.getMessage() + ".";
    }
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
    reply(ctx, act(action.path("value").asText(), type, user, "/slack/interactions"));
  }

  private String act(String incidentId, String type, String user, String source) {
    String verb = type.equals(EnvelopeTypes.ACKNOWLEDGE) ? "Acknowledging" : "Resolving";
    try {
      actions.request(incidentId, type, "slack:" + user, source, null);
      return verb + " incident " + incidentId + ".";
    } catch (ApiException e) {
      return "Cannot do that: " + e.getMessage() + ".";
    }
  }

  private static void reply(Context ctx, String text) {
    Http.json(ctx, 200, Map.of("response_type", "ephemeral", "text", text));
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
