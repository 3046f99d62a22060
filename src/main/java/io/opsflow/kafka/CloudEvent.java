package io.opsflow.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. {@code data} is kept as the raw JSON bytes
 * that were received, so what goes onto Kafka is the payload exactly as the sender wrote it.
 * Extension attributes (lower-case names, as the spec requires) carry opsflow's routing facts.
 */
public record CloudEvent(
    String id,
    String source,
    String type,
    Instant time,
    String subject,
    Map<String, String> extensions,
    byte[] data) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory();

  public String extension(String name) {
    return extensions.get(name);
  }

  /** Serializes the envelope; {@code data} must already be valid JSON. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("specversion", "1.0");
      g.writeStringField("id", id);
      g.writeStringField("source", source);
      g.writeStringField("type", type);
      g.writeStringField("time", time.toString());
      if (subject != null) {
        g.writeStringField("subject", subject);
      }
      g.writeStringField("datacontenttype", "application/json");
      for (Map.Entry<String, String> e : new TreeMap<>(extensions).entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeFieldName("data");
      g.writeRawValue(new String(data, StandardCharsets.UTF_8));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Parses an envelope read from Kafka.
   *
   * @throws IllegalArgumentException with the reason, when the bytes are not a CloudEvent
   */
  public static Parsed decode(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("record has no value");
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("envelope is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("envelope is not a JSON object");
    }
    if (!"1.0".equals(root.path("specversion").asText())) {
      throw new IllegalArgumentException("envelope specversion is not 1.0");
    }
    String id = required(root, "id");
    String type = required(root, "type");
    String source = required(root, "source");
    Instant time;
    try {
      time = Instant.parse(required(root, "time"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("envelope time is not RFC 3339: " + e.getMessage(), e);
    }
    JsonNode data = root.get("data");
    if (data == null || data.isNull()) {
      throw new IllegalArgumentException("envelope has no data");
    }
    return new Parsed(id, source, type, time, root.path("subject").asText(null), root, data);
  }

  /** A decoded envelope: the attributes, and {@code data} as a JSON tree. */
  public record Parsed(
      String id,
      String source,
      String type,
      Instant time,
      String subject,
      JsonNode envelope,
      JsonNode data) {
    public String extension(String name) {
      JsonNode n = envelope.get(name);
      return n == null || n.isNull() ? null : n.asText();
    }
  }

  private static String required(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new IllegalArgumentException("envelope has no '" + field + "'");
    }
    return n.asText();
  }
}
