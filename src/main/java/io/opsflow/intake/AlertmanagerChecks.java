package io.opsflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Field checks of the Alertmanager payload that {@link AlertmanagerFormat} applies per alert. */
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
}
