package io.opsflow.uptime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value that remembers its line, so a problem is reported where the user must edit. */
final class SlaYaml {
  private static final YAMLFactory YAML =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  final int line;
  final String text; // scalars only; null for maps, lists and YAML null
  final Map<String, SlaYaml> fields; // null unless a map
  final List<SlaYaml> items; // null unless a list

  private SlaYaml(int line, String text, Map<String, SlaYaml> fields, List<SlaYaml> items) {
    this.line = line;
    this.text = text;
    this.fields = fields;
    this.items = items;
  }

  /** The file's first document, or null when it has none. Jackson's exceptions carry the line. */
  static SlaYaml read(Path file) throws IOException {
    try (JsonParser parser = YAML.createParser(file.toFile())) {
      return parser.nextToken() == null ? null : read(parser);
    }
  }

  private static SlaYaml read(JsonParser p) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    if (p.currentToken() == JsonToken.START_OBJECT) {
      Map<String, SlaYaml> fields = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        fields.put(key, read(p));
      }
      return new SlaYaml(line, null, fields, null);
    }
    if (p.currentToken() == JsonToken.START_ARRAY) {
      List<SlaYaml> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(p));
      }
      return new SlaYaml(line, null, null, items);
    }
    String text = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
    return new SlaYaml(line, text, null, null);
  }

  /** A scalar field's text, or null when absent or null. */
  String text(String key) {
    SlaYaml v = fields == null ? null : fields.get(key);
    return v == null ? null : v.text;
  }

  int lineOf(String key) {
    SlaYaml v = fields == null ? null : fields.get(key);
    return v == null ? line : v.line;
  }
}
