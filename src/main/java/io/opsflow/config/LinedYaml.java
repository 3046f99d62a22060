package io.opsflow.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a small tree that remembers the line of every node and every key, so
 * problems can be reported as {@code file:line: reason}. The one such reader of opsflow's
 * configuration files (SLA policies, business hours, calendars, escalation policies).
 */
public final class LinedYaml {
  private static final YAMLFactory YAML = new YAMLFactory();

  public sealed interface Node {
    int line();
  }

  /** A scalar; {@code text} is null for a YAML null. */
  public record Scalar(String text, int line) implements Node {}

  public record Sequence(List<Node> items, int line) implements Node {}

  /** A mapping in file order, with the line of each key. */
  public record Mapping(Map<String, Node> entries, Map<String, Integer> keyLines, int line)
      implements Node {
    public int lineOf(String key) {
      return keyLines.getOrDefault(key, line);
    }
  }

  /** A file that is not well-formed YAML, or has a key twice. */
  public static final class Malformed extends Exception {
    private final int line;

    Malformed(int line, String reason) {
      super(reason);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  private LinedYaml() {}

  /** Reads the first document of {@code file}; null when the file holds none. */
  public static Node read(Path file) throws IOException, Malformed {
    try (JsonParser parser = YAML.createParser(file.toFile())) {
      JsonToken first = parser.nextToken();
      return first == null ? null : node(parser);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new Malformed(at == null ? 0 : at.getLineNr(), e.getOriginalMessage());
    }
  }

  private static Node node(JsonParser parser) throws IOException, Malformed {
    int line = parser.currentTokenLocation().getLineNr();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Node> entries = new LinkedHashMap<>();
      Map<String, Integer> keyLines = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyLine = parser.currentTokenLocation().getLineNr();
        parser.nextToken();
        if (entries.put(key, node(parser)) != null) {
          throw new Malformed(keyLine, "key '" + key + "' appears twice");
        }
        keyLines.put(key, keyLine);
      }
      return new Mapping(
          Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keyLines), line);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(parser));
      }
      return new Sequence(List.copyOf(items), line);
    }
    return new Scalar(token == JsonToken.VALUE_NULL ? null : parser.getText(), line);
  }
}
