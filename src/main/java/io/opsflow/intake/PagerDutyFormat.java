package io.opsflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.incident.model.AlertSignal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * PagerDuty Events API v2 ({@code trigger}, {@code acknowledge}, {@code resolve}). The {@code
 * dedup_key} is scoped to the routing key, i.e. to the integration.
 */
public final class PagerDutyFormat {
  public static final String SOURCE = "events";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
  private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

  private PagerDutyFormat() {}

  /** Checks an event as the HTTP intake receives it (routing key checked by the caller). */
  public static void validate(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidPayloadException("body must be a JSON object");
    }
    String action = body.path("event_action").asText();
    if (!ACTIONS.contains(action)) {
      throw new InvalidPayloadException(
          "event_action must be one of trigger, acknowledge, resolve");
    }
    JsonNode dedup = body.get("dedup_key");
    if (dedup != null && !dedup.isNull()) {
      if (!dedup.isTextual() || dedup.asText().isEmpty() || dedup.asText().length() > 255) {
        throw new InvalidPayloadException("dedup_key must be a string of 1 to 255 characters");
      }
    } else if (!action.equals("trigger")) {
      throw new InvalidPayloadException("dedup_key is required for " + action + " events");
    }
    if (!action.equals("trigger")) {
      return;
    }
    JsonNode payload = body.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new InvalidPayloadException("payload is required for trigger events");
    }
    JsonNode summary = payload.get("summary");
    if (summary == null || !summary.isTextual() || summary.asText().isBlank()) {
      throw new InvalidPayloadException("payload.summary must be a non-empty string");
    }
    if (summary.asText().length() > 1024) {
      throw new InvalidPayloadException("payload.summary must be at most 1024 characters");
    }
    JsonNode source = payload.get("source");
    if (source == null || !source.isTextual() || source.asText().isBlank()) {
      throw new InvalidPayloadException("payload.source is required and must be a string");
    }
    for (String f : List.of("component", "group", "class")) {
      JsonNode v = payload.get(f);
      if (v != null && !v.isNull() && !v.isTextual()) {
        throw new InvalidPayloadException("payload." + f + " must be a string");
      }
    }
    JsonNode details = payload.get("custom_details");
    if (details != null && !details.isNull() && !details.isObject()) {
      throw new InvalidPayloadException("payload.custom_details must be an object");
    }
    if (!SEVERITIES.contains(payload.path("severity").asText())) {
      throw new InvalidPayloadException(
          "payload.severity must be one of critical, error, warning, info");
    }
    if (payload.hasNonNull("timestamp")) {
      if (!payload.get("timestamp").isTextual()) {
        throw new InvalidPayloadException("payload.timestamp is not ISO 8601");
      }
      try {
        OffsetDateTime.parse(payload.get("timestamp").asText());
      } catch (DateTimeParseException e) {
        throw new InvalidPayloadException("payload.timestamp is not ISO 8601");
      }
    }
  }

  /** Normalizes a validated event; {@code dedupKey} is the given or generated key. */
  public static AlertSignal toSignal(
      String envelopeId,
      String org,
      String integration,
      String actor,
      String dedupKey,
      Instant receivedAt,
      JsonNode body) {
    validate(body);
    AlertSignal.Action action =
        switch (body.path("event_action").asText()) {
          case "trigger" -> AlertSignal.Action.TRIGGER;
          case "acknowledge" -> AlertSignal.Action.ACKNOWLEDGE;
          default -> AlertSignal.Action.RESOLVE;
        };
    JsonNode payload = body.path("payload");
    String summary = payload.path("summary").asText(null);
    ObjectNode labels = JSON.createObjectNode();
    for (String f : List.of("source", "component", "group", "class")) {
      if (payload.hasNonNull(f)) {
        labels.put(f, payload.get(f).asText());
      }
    }
    if (payload.path("custom_details").isObject()) {
      labels.set("custom_details", payload.get("custom_details"));
    }
    if (body.hasNonNull("client")) {
      labels.put("client", body.get("client").asText());
    }
    return new AlertSignal(
        envelopeId,
        org,
        integration,
        actor,
        SOURCE,
        dedupKey,
        action,
        summary == null ? dedupKey : summary,
        payload.path("severity").asText("warning"),
        labels.toString(),
        receivedAt,
        List.of(
            new AlertSignal.Item(
                dedupKey, action != AlertSignal.Action.RESOLVE, summary, labels.toString())));
  }
}
