package io.opsflow.escalation.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opsflow.escalation.User;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people of {@code users.yaml}: a list of users (or a {@code users:} list), each with an id and
 * optionally name, email and Slack member id. Problems are reported with file and line.
 */
final class UsersFile {
  private static final Set<String> USER_FIELDS = Set.of("id", "name", "email", "slack");

  private UsersFile() {}

  static List<User> read(Path file, List<ConfigProblem> problems) {
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
    List<User> users = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (YamlNode doc : documents) {
      YamlNode list = doc.kind == YamlNode.Kind.MAP ? doc.fields.get("users") : doc;
      if (doc.kind == YamlNode.Kind.NULL) {
        continue;
      }
      if (list == null || list.kind != YamlNode.Kind.LIST) {
        problems.add(new ConfigProblem(file, doc.line, "expected a list of users"));
        continue;
      }
      for (YamlNode item : list.items) {
        user(file, item, problems)
            .ifPresent(
                u -> {
                  Integer first = firstLine.putIfAbsent(u.id(), item.lineOf("id"));
                  if (first == null) {
                    users.add(u);
                  } else {
                    problems.add(
                        new ConfigProblem(
                            file,
                            item.lineOf("id"),
                            "user id '" + u.id() + "' is already defined at line " + first));
                  }
                });
      }
    }
    return users;
  }

  private static Optional<User> user(Path file, YamlNode item, List<ConfigProblem> problems) {
    if (item.kind != YamlNode.Kind.MAP) {
      problems.add(new ConfigProblem(file, item.line, "a user must be a mapping with an id"));
      return Optional.empty();
    }
    int before = problems.size();
    Fields f = new Fields(item, "", new Fields.Sink(file, problems), USER_FIELDS);
    Optional<String> id = f.text("id", true);
    Optional<String> name = f.text("name", false);
    Optional<String> email = f.text("email", false);
    Optional<String> slack = f.text("slack", false);
    if (id.isPresent() && id.get().isBlank()) {
      problems.add(new ConfigProblem(file, item.lineOf("id"), "user id is blank"));
    }
    if (problems.size() > before || id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new User(id.get(), name.orElse(id.get()), email.orElse(null), slack.orElse(null)));
  }
}
