package io.opsflow.escalation.config;

import io.opsflow.escalation.model.EscalationPolicy;
import io.opsflow.escalation.model.OnCallDirectory;
import io.opsflow.escalation.model.Schedule;
import io.opsflow.escalation.model.User;
import io.opsflow.service.Service;
import io.opsflow.service.ServiceCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads an on-call directory ({@code users.yaml}, {@code services.yaml}, {@code schedules/*.yaml},
 * {@code policies/*.yaml}) into one snapshot, or into the problems that refuse it, each as {@code
 * file:line: reason}. A missing directory, file or sub-directory holds nothing.
 */
final class OnCallLoader {
  /** A snapshot, or (never both) the problems. */
  record Outcome(OnCallSnapshot snapshot, List<String> problems) {}

  private OnCallLoader() {}

  static Outcome load(Path dir, Instant now) {
    List<ConfigProblem> problems = new ArrayList<>();
    Path usersFile = dir.resolve("users.yaml");
    List<User> users =
        Files.isRegularFile(usersFile) ? UsersFile.read(usersFile, problems) : List.of();
    Path servicesFile = dir.resolve("services.yaml");
    List<Service> services =
        Files.isRegularFile(servicesFile) ? ServicesFile.read(servicesFile, problems) : List.of();
    Path schedulesDir = dir.resolve("schedules");
    Map<String, Schedule> schedules = new LinkedHashMap<>();
    if (Files.isDirectory(schedulesDir)) {
      ScheduleLoad load = ScheduleFiles.read(schedulesDir);
      problems.addAll(load.problems());
      load.schedules().forEach(s -> schedules.put(s.id(), s));
      if (load.ok()) {
        Set<String> known = users.stream().map(User::id).collect(Collectors.toSet());
        yamlFiles(schedulesDir).forEach(f -> UserReferences.check(f, known::contains, problems));
      }
    }
    List<String> texts = new ArrayList<>(problems.stream().map(ConfigProblem::toString).toList());
    if (!texts.isEmpty()) {
      return new Outcome(null, texts);
    }
    List<EscalationPolicy> policies = new ArrayList<>();
    Path policiesDir = dir.resolve("policies");
    if (Files.isDirectory(policiesDir)) {
      try {
        PolicyFiles.Result result =
            new PolicyFiles(new OnCallDirectory(users, schedules)).loadDirectory(policiesDir);
        texts.addAll(result.problems());
        policies.addAll(result.policies());
      } catch (IOException e) {
        texts.add(policiesDir + ":0: cannot read: " + e);
      }
    }
    if (!texts.isEmpty()) {
      return new Outcome(null, texts);
    }
    Map<String, User> byId = new LinkedHashMap<>();
    users.forEach(u -> byId.put(u.id(), u));
    return new Outcome(
        new OnCallSnapshot(byId, schedules, policies, new ServiceCatalogue(services), now),
        List.of());
  }

  /** Every file under {@code dir}, recursively, for change detection. */
  static List<Path> allFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
