package io.opsflow.escalation.config;

import io.opsflow.escalation.model.User;
import java.nio.file.Path;
import java.util.List;
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
    return IdentifiedList.read(file, "users", UsersFile::user, User::id, problems);
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
