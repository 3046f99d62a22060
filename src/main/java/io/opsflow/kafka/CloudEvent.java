package io.opsflow.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
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
   * Parses an envelope read from Kafka: the attributes with a streaming parser, {@code data} into a
   * tree (the one part the handlers walk).
   *
   * @throws IllegalArgumentException with the reason, when the bytes are not a CloudEvent
   */
  public static Parsed decode(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("record has no value");
    }
    Map<String, String> attributes = new HashMap<>();
    JsonNode data = null;
    try (JsonParser p = FACTORY.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("envelope is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("data")) {
          data = JSON.readTree(p);
        } else if (value.isScalarValue()) {
          attributes.put(name, p.getValueAsString());
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("envelope has trailing content");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("envelope is not JSON: " + e.getMessage(), e);
    }
    if (!"1.0".equals(attributes.get("specversion"))) {
      throw new IllegalArgumentException("envelope specversion is not 1.0");
    }
    String id = required(attributes, "id");
    String type = required(attributes, "type");
    String source = required(attributes, "source");
    Instant time;
    try {
      time = Instant.parse(required(attributes, "time"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("envelope time is not RFC 3339: " + e.getMessage(), e);
    }
    if (data == null || data.isNull()) {
      throw new IllegalArgumentException("envelope has no data");
    }
    return new Parsed(id, source, type, time, attributes.get("subject"), attributes, data);
  }

  /** A decoded envelope: the attributes, and {@code data} as a JSON tree. */
  public record Parsed(
      String id,
      String source,
      String type,
      Instant time,
      String subject,
      Map<String, String> attributes,
      JsonNode data) {
    public String extension(String name) {
      return attributes.get(name);
    }
  }

  private static String required(Map<String, String> attributes, String field) {
    String v = attributes.get(field);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("envelope has no '" + field + "'");
    }
    return v;
  }
}
