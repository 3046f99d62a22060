package io.opsflow.escalation.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a YAML file holding a list of things with ids (a bare list, or a list under {@code key}),
 * in one or more documents: each item parsed by the given reader, ids unique across the file, every
 * problem reported with the file and line.
 */
final class IdentifiedList {
  private IdentifiedList() {}

  /** Parses one item, adding its problems; empty when it cannot be used. */
  interface ItemReader<T> {
    Optional<T> read(Path file, YamlNode item, List<ConfigProblem> problems);
  }

  static <T> List<T> read(
      Path file,
      String key,
      ItemReader<T> reader,
      Function<T, String> id,
      List<ConfigProblem> problems) {
    List<YamlNode> documents;
    try {
      documents = YamlNode.readDocuments(file);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(new ConfigProblem(file, line, "not valid YAML: " + e.getOriginalMessage()));
      return List.of();
    } catch (IOException e) {
      problems.add(new ConfigProblem(file, 0, "cannot read: " + e));
      return List.of();
    }
    String noun = key.endsWith("s") ? key.substring(0, key.length() - 1) : key;
    List<T> found = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (YamlNode doc : documents) {
      if (doc.kind == YamlNode.Kind.NULL) {
        continue;
      }
      YamlNode list = doc.kind == YamlNode.Kind.MAP ? doc.fields.get(key) : doc;
      if (list == null || list.kind != YamlNode.Kind.LIST) {
        problems.add(new ConfigProblem(file, doc.line, "expected a list of " + key));
        continue;
      }
      for (YamlNode item : list.items) {
        reader
            .read(file, item, problems)
            .ifPresent(
                t -> {
                  Integer first = firstLine.putIfAbsent(id.apply(t), item.lineOf("id"));
                  if (first == null) {
                    found.add(t);
                  } else {
                    problems.add(
                        new ConfigProblem(
                            file,
                            item.lineOf("id"),
                            noun
                                + " id '"
                                + id.apply(t)
                                + "' is already defined at line "
                                + first));
                  }
                });
      }
    }
    return found;
  }
}
