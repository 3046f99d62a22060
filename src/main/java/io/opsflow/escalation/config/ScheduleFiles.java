package io.opsflow.escalation.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.opsflow.escalation.model.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Schedules as configuration files ({@code schedules/*.yaml}). A file holds one schedule, a list of
 * schedules, or a {@code schedules:} list, and may hold several YAML documents. Loading is all or
 * nothing: any problem (with its file, line and reason) refuses the whole load, and the schedules
 * in force stay as they were.
 */
public final class ScheduleFiles {
  private final Path directory;
  private final AtomicReference<Map<String, Schedule>> inForce = new AtomicReference<>(Map.of());

  public ScheduleFiles(Path directory) {
    this.directory = directory;
  }

  /** Reads the directory again; applies the result only when it has no problems. */
  public List<ConfigProblem> reload() {
    ScheduleLoad load = read(directory);
    if (load.ok()) {
      Map<String, Schedule> byId = new LinkedHashMap<>();
      load.schedules().forEach(s -> byId.put(s.id(), s));
      inForce.set(Map.copyOf(byId));
    }
    return load.problems();
  }

  /** The schedules of the last load that succeeded, by id. */
  public Map<String, Schedule> inForce() {
    return inForce.get();
  }

  /** Every {@code *.yaml} / {@code *.yml} file of a directory, in name order. */
  public static ScheduleLoad read(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return read(
          files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList());
    } catch (IOException e) {
      return new ScheduleLoad(
          List.of(), List.of(new ConfigProblem(directory, 0, "cannot list: " + e)));
    }
  }

  /** The schedules of all {@code files}, or every problem found in them. */
  public static ScheduleLoad read(List<Path> files) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<Schedule> schedules = new ArrayList<>();
    Map<String, ConfigProblem> firstDefinition = new HashMap<>();
    for (Path file : files) {
      for (YamlNode node : scheduleNodes(file, problems)) {
        Fields.Sink sink = new Fields.Sink(file, problems);
        new ScheduleBinder(sink)
            .bind(node)
            .ifPresent(
                s -> {
                  ConfigProblem here = new ConfigProblem(file, node.lineOf("id"), s.id());
                  ConfigProblem first = firstDefinition.putIfAbsent(s.id(), here);
                  if (first == null) {
                    schedules.add(s);
                  } else {
                    problems.add(
                        new ConfigProblem(
                            file,
                            here.line(),
                            "schedule id '"
                                + s.id()
                                + "' is already defined at "
                                + first.file()
                                + ":"
                                + first.line()));
                  }
                });
      }
    }
    return new ScheduleLoad(schedules, problems);
  }

  /** A YAML syntax error at the line SnakeYAML found it, in one line of text. */
  private static ConfigProblem syntaxProblem(Path file, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      return new ConfigProblem(
          file, marked.getProblemMark().getLine() + 1, "not valid YAML: " + marked.getProblem());
    }
    JsonLocation where = e.getLocation();
    return new ConfigProblem(
        file, where == null ? 0 : where.getLineNr(), "not valid YAML: " + e.getOriginalMessage());
  }

  /** The schedule mappings of a file, whatever its shape; problems go to {@code problems}. */
  private static List<YamlNode> scheduleNodes(Path file, List<ConfigProblem> problems) {
    List<YamlNode> documents;
    try {
      documents = YamlNode.readDocuments(file);
    } catch (JsonProcessingException e) {
      problems.add(syntaxProblem(file, e));
      return List.of();
    } catch (IOException e) {
      problems.add(new ConfigProblem(file, 0, "cannot read: " + e));
      return List.of();
    }
    List<YamlNode> nodes = new ArrayList<>();
    for (YamlNode doc : documents) {
      YamlNode list = doc.kind == YamlNode.Kind.MAP ? doc.fields.get("schedules") : doc;
      if (list != null && doc.fields.size() > 1) {
        problems.add(
            new ConfigProblem(
                file, doc.line, "a file with a 'schedules:' list holds nothing else at the top"));
      }
      if (doc.kind == YamlNode.Kind.MAP && list == null) {
        nodes.add(doc);
      } else if (list != null && list.kind == YamlNode.Kind.LIST) {
        for (YamlNode item : list.items) {
          if (item.kind == YamlNode.Kind.MAP) {
            nodes.add(item);
          } else {
            problems.add(new ConfigProblem(file, item.line, "a schedule must be a mapping"));
          }
        }
      } else if (doc.kind != YamlNode.Kind.NULL) {
        problems.add(
            new ConfigProblem(file, doc.line, "expected a schedule or a 'schedules:' list"));
      }
    }
    return nodes;
  }
}
