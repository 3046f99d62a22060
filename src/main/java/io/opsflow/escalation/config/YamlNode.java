package io.opsflow.escalation.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers the line it came from (Jackson's own trees forget locations), so that
 * a configuration problem can be reported at the line a user has to change.
 */
final class YamlNode {
  enum Kind {
    MAP,
    LIST,
    SCALAR,
    NULL
  }

  private static final YAMLFactory YAML =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  final Kind kind;
  final int line;
  final String text;
  final Map<String, YamlNode> fields = new LinkedHashMap<>();
  final Map<String, Integer> keyLines = new LinkedHashMap<>();
  final List<YamlNode> items = new ArrayList<>();

  private YamlNode(Kind kind, int line, String text) {
    this.kind = kind;
    this.line = line;
    this.text = text;
  }

  /** Every document of a file; throws Jackson's exceptions, which carry the location. */
  static List<YamlNode> readDocuments(Path file) throws IOException {
    List<YamlNode> documents = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(file.toFile())) {
      while (parser.nextToken() != null) {
        documents.add(read(parser));
      }
    }
    return Collections.unmodifiableList(documents);
  }

  private static YamlNode read(JsonParser parser) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      YamlNode map = new YamlNode(Kind.MAP, line, null);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        map.keyLines.put(key, parser.currentTokenLocation().getLineNr());
        parser.nextToken();
        map.fields.put(key, read(parser));
      }
      return map;
    }
    if (token == JsonToken.START_ARRAY) {
      YamlNode list = new YamlNode(Kind.LIST, line, null);
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        list.items.add(read(parser));
      }
      return list;
    }
    if (token == JsonToken.VALUE_NULL) {
      return new YamlNode(Kind.NULL, line, null);
    }
    return new YamlNode(Kind.SCALAR, line, parser.getText());
  }

  /** The line of {@code key} in this map, or of the map itself when the key is absent. */
  int lineOf(String key) {
    return keyLines.getOrDefault(key, line);
  }

  boolean has(String key) {
    YamlNode value = fields.get(key);
    return value != null && value.kind != Kind.NULL;
  }
}
