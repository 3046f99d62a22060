package io.opsflow.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import io.opsflow.incident.IncidentActions;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.EnvelopeIds;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The Acknowledge and Resolve buttons of incident messages, authorized as the slash commands are:
 * the clicking Slack user ({@code payload.user.id}) is mapped to an opsflow user by {@link
 * SlackUsers}, unknown users and customers are refused, and the incident must be in the user's
 * scope (another organization's incident answers exactly as an unknown one). A refusal writes
 * nothing; an accepted click is recorded as the opsflow user and its outcome posted to the
 * payload's {@code response_url}.
 */
final class SlackButtons {
  private static final int MAX_ID = 200;

  private final SlackUsers users;
  private final IncidentActions incidents;
  private final PendingReplies replies;

  SlackButtons(SlackUsers users, IncidentActions incidents, PendingReplies replies) {
    this.users = users;
    this.incidents = incidents;
    this.replies = replies;
  }

  /**
   * The ephemeral answer to a click.
   *
   * @throws ApiException 400 when the payload is not a button click this app sent
   */
  String click(Map<String, String> form) {
    JsonNode payload = payload(form.get("payload"));
    JsonNode action = payload.path("actions").path(0);
    if (!action.isObject()) {
      throw ApiException.badRequest("payload has no actions");
    }
    String type =
        switch (action.path("action_id").asText("")) {
          case "acknowledge" -> EnvelopeTypes.ACKNOWLEDGE;
          case "resolve" -> EnvelopeTypes.RESOLVE;
          default -> throw ApiException.badRequest("unknown action");
        };
    String incident = text(action, "value");
    if (incident == null || incident.length() > MAX_ID) {
      throw ApiException.badRequest("the action's value is not an incident id");
    }
    String slackUserId = text(payload.path("user"), "id");
    Optional<SlackUser> user = users.find(slackUserId);
    if (user.isEmpty()) {
      return SlashCommands.notLinked(slackUserId == null ? "" : slackUserId);
    }
    if (user.get().customer()) {
      return "Acknowledging and resolving incidents is for SREs. You can follow your"
          + " organization's incidents: `/opsflow status <id>`.";
    }
    return act(user.get(), request(payload, slackUserId), type, incident);
  }

  private String act(SlackUser user, SlackRequest request, String type, String incident) {
    boolean ack = type.equals(EnvelopeTypes.ACKNOWLEDGE);
    String commandId = EnvelopeIds.next();
    try {
      replies.publish(
          user,
          request,
          commandId,
          ack ? PendingReplies.INCIDENT_ACK : PendingReplies.INCIDENT_RESOLVE,
          incident,
          () ->
              incidents.request(
                  commandId,
                  incident,
                  type,
                  Map.of(),
                  user.actor(),
                  SlackRoutes.INTERACTIONS,
                  user.scope()));
    } catch (SlashCommand.Refusal r) {
      return r.getMessage();
    } catch (ApiException e) {
      return SlashCommands.answer(e, null);
    }
    return (ack ? "Acknowledging" : "Resolving") + " incident " + SlackText.escape(incident) + ".";
  }

  private static JsonNode payload(String raw) {
    if (raw == null || raw.isBlank()) {
      throw ApiException.badRequest("payload is missing");
    }
    JsonNode payload;
    try {
      payload = Http.JSON.readTree(raw);
    } catch (IOException e) {
      throw ApiException.badRequest("payload is not JSON");
    }
    if (payload == null || !payload.isObject()) {
      throw ApiException.badRequest("payload is not a JSON object");
    }
    return payload;
  }

  private static SlackRequest request(JsonNode payload, String slackUserId) {
    return new SlackRequest(
        slackUserId,
        Optional.ofNullable(text(payload.path("user"), "username")).orElse(""),
        text(payload.path("channel"), "id"),
        "",
        text(payload, "response_url"));
  }

  /** The field's text, or null when it is absent, blank or not a string. */
  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }
}
