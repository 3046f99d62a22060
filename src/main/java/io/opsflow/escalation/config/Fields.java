package io.opsflow.escalation.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one YAML mapping, reporting each problem at its line, and remembers the line
 * of every field path ({@code layers[0].participants}) for problems found later by the domain.
 */
final class Fields {
  /** Where problems of one schedule go, and the lines of its fields. */
  static final class Sink {
    final Path file;
    final List<ConfigProblem> problems;
    final Map<String, Integer> lines = new HashMap<>();

    Sink(Path file, List<ConfigProblem> problems) {
      this.file = file;
      this.problems = problems;
    }

    void add(int line, String reason) {
      problems.add(new ConfigProblem(file, line, reason));
    }

    /** The line of {@code path}, or of its nearest enclosing field that has one. */
    int lineOf(String path) {
      for (String p = path; ; p = p.substring(0, Math.max(0, p.lastIndexOf('.')))) {
        Integer line = lines.get(p);
        if (line != null || p.isEmpty()) {
          return line == null ? 0 : line;
        }
      }
    }
  }

  private final YamlNode map;
  private final String path;
  private final Sink sink;

  Fields(YamlNode map, String path, Sink sink, Set<String> allowed) {
    this.map = map;
    this.path = path;
    this.sink = sink;
    sink.lines.put(path, map.line);
    map.keyLines.forEach((key, line) -> sink.lines.put(child(key), line));
    for (String key : map.fields.keySet()) {
      if (!allowed.contains(key)) {
        sink.add(map.lineOf(key), "unknown field '" + key + "' (expected one of " + allowed + ")");
      }
    }
  }

  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  Sink sink() {
    return sink;
  }

  int lineOf(String key) {
    return map.lineOf(key);
  }

  Optional<String> text(String key, boolean required) {
    YamlNode value = map.fields.get(key);
    if (value == null || value.kind == YamlNode.Kind.NULL) {
      if (required) {
        sink.add(map.line, "missing field '" + key + "'");
      }
      return Optional.empty();
    }
    if (value.kind != YamlNode.Kind.SCALAR) {
      sink.add(map.lineOf(key), "'" + key + "' must be a single value");
      return Optional.empty();
    }
    return Optional.of(value.text);
  }

  /** The value parsed by {@code parse}; a parse failure is reported as "bad {what}". */
  <T> Optional<T> parsed(String key, boolean required, String what, Function<String, T> parse) {
    Optional<String> text = text(key, required);
    try {
      return text.map(parse);
    } catch (RuntimeException e) {
      sink.add(map.lineOf(key), "'" + key + "': " + what + " expected, got '" + text.get() + "'");
      return Optional.empty();
    }
  }

  /** The items of a list field; a missing field is an empty list. */
  List<YamlNode> list(String key) {
    YamlNode value = map.fields.get(key);
    if (value == null || value.kind == YamlNode.Kind.NULL) {
      return List.of();
    }
    if (value.kind != YamlNode.Kind.LIST) {
      sink.add(map.lineOf(key), "'" + key + "' must be a list");
      return List.of();
    }
    return value.items;
  }

  /** A list of single values, e.g. {@code participants: [alice, bob]}. */
  List<String> texts(String key) {
    List<String> texts = new ArrayList<>();
    for (YamlNode item : list(key)) {
      if (item.kind == YamlNode.Kind.SCALAR) {
        texts.add(item.text);
      } else {
        sink.add(item.line, "'" + key + "' must list single values");
      }
    }
    return texts;
  }
}
