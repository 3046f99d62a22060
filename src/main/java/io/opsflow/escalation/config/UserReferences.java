package io.opsflow.escalation.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds the users a schedule file names (layer participants, override users) that are not known, at
 * the line they are named. Run after the schedules loaded, so the file is known to parse.
 */
final class UserReferences {
  private UserReferences() {}

  static void check(Path file, Predicate<String> known, List<ConfigProblem> problems) {
    try {
      for (YamlNode doc : YamlNode.readDocuments(file)) {
        walk(file, doc, known, problems);
      }
    } catch (IOException e) {
      problems.add(new ConfigProblem(file, 0, "cannot read: " + e));
    }
  }

  private static void walk(
      Path file, YamlNode node, Predicate<String> known, List<ConfigProblem> problems) {
    if (node.kind == YamlNode.Kind.LIST) {
      node.items.forEach(item -> walk(file, item, known, problems));
      return;
    }
    if (node.kind != YamlNode.Kind.MAP) {
      return;
    }
    YamlNode participants = node.fields.get("participants");
    if (participants != null) {
      participants.items.stream()
          .filter(p -> p.kind == YamlNode.Kind.SCALAR)
          .forEach(p -> refer(file, p.line, p.text, "participant", known, problems));
    }
    YamlNode overrides = node.fields.get("overrides");
    if (overrides != null) {
      for (YamlNode o : overrides.items) {
        YamlNode user = o.fields.get("user");
        if (user != null && user.kind == YamlNode.Kind.SCALAR) {
          refer(file, user.line, user.text, "override user", known, problems);
        }
      }
    }
    node.fields.values().forEach(child -> walk(file, child, known, problems));
  }

  private static void refer(
      Path file,
      int line,
      String user,
      String role,
      Predicate<String> known,
      List<ConfigProblem> problems) {
    if (!known.test(user)) {
      problems.add(new ConfigProblem(file, line, role + " '" + user + "' is not in users.yaml"));
    }
  }
}
