package io.opsflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/** Field checks of the Alertmanager payload that {@link AlertmanagerFormat} applies. */
final class AlertmanagerChecks {
  private AlertmanagerChecks() {}

  /**
   * An optional RFC 3339 time such as {@code 2026-11-23T00:40:32.787500162Z}; Alertmanager sends
   * {@code 0001-01-01T00:00:00Z} for "not ended", which is one.
   */
  static void time(JsonNode alert, String field, String name) {
    JsonNode v = alert.get(field);
    if (v == null || v.isNull()) {
      return;
    }
    if (!v.isTextual()) {
      throw new InvalidPayloadException(name + " must be an RFC 3339 time string");
    }
    try {
      OffsetDateTime.parse(v.asText());
    } catch (DateTimeParseException e) {
      throw new InvalidPayloadException(
          name + " must be an RFC 3339 time such as 2026-06-01T12:00:00Z");
    }
  }

  /** An optional string of at most {@code max} characters. */
  static void text(JsonNode v, String name, int max) {
    if (v == null || v.isNull()) {
      return;
    }
    if (!v.isTextual()) {
      throw new InvalidPayloadException(name + " must be a string");
    }
    if (v.asText().length() > max) {
      throw new InvalidPayloadException(name + " must be at most " + max + " characters");
    }
  }

  /** An optional object whose values must all be strings, as Alertmanager's label sets are. */
  static void strings(JsonNode parent, String field, String name) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return;
    }
    if (!n.isObject()) {
      throw new InvalidPayloadException(name + " must be an object of strings");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new InvalidPayloadException(name + "." + e.getKey() + " must be a string");
      }
    }
  }
}
