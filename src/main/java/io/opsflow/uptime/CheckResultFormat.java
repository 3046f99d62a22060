package io.opsflow.uptime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.intake.InvalidPayloadException;
import io.opsflow.uptime.model.CheckResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A check result as sent to {@code POST /api/v1/checks/results} and carried on {@code
 * opsflow.checks}: {@code {"check","service","ok","at","latencyMs","detail"}}.
 */
public final class CheckResultFormat {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ID = 200;

  /** Longer details are cut to this on the topic; the HTTP intake refuses them. */
  public static final int MAX_DETAIL = 1000;

  private CheckResultFormat() {}

  /**
   * Reads one result; {@code at} defaults to {@code now} when absent.
   *
   * @throws InvalidPayloadException with the reason
   */
  public static CheckResult read(JsonNode item, Instant now) {
    if (item == null || !item.isObject()) {
      throw new InvalidPayloadException("a result must be a JSON object");
    }
    String check = id(item, "check");
    String service = id(item, "service");
    JsonNode ok = item.get("ok");
    if (ok == null || !ok.isBoolean()) {
      throw new InvalidPayloadException("ok must be true or false");
    }
    Instant at = now;
    if (item.hasNonNull("at")) {
      try {
        at = OffsetDateTime.parse(item.get("at").asText()).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidPayloadException(
            "at must be an ISO-8601 time such as 2026-06-01T12:00:00Z");
      }
    }
    Long latency = null;
    if (item.hasNonNull("latencyMs")) {
      JsonNode l = item.get("latencyMs");
      if (!l.canConvertToLong() || !l.isIntegralNumber() || l.asLong() < 0) {
        throw new InvalidPayloadException("latencyMs must be a whole number of milliseconds >= 0");
      }
      latency = l.asLong();
    }
    String detail = null;
    if (item.hasNonNull("detail")) {
      if (!item.get("detail").isTextual()) {
        throw new InvalidPayloadException("detail must be a string");
      }
      detail = item.get("detail").asText();
      if (detail.length() > MAX_DETAIL) {
        detail = detail.substring(0, MAX_DETAIL);
      }
    }
    return new CheckResult(check, service, ok.asBoolean(), at, latency, detail);
  }

  private static String id(JsonNode item, String field) {
    JsonNode v = item.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new InvalidPayloadException(
          field + " must be a string of 1 to " + MAX_ID + " characters");
    }
    if (v.asText().length() > MAX_ID) {
      throw new InvalidPayloadException(field + " must be at most " + MAX_ID + " characters");
    }
    return v.asText();
  }

  /** The result as the {@code data} of its envelope. */
  public static byte[] write(CheckResult r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("check", r.check());
    n.put("service", r.service());
    n.put("ok", r.ok());
    n.put("at", r.at().toString());
    if (r.latencyMs() != null) {
      n.put("latencyMs", r.latencyMs());
    }
    if (r.detail() != null) {
      n.put("detail", r.detail());
    }
    return n.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
