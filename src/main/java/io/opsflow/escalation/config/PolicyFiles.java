package io.opsflow.escalation.config;

import io.opsflow.config.LinedYaml;
import io.opsflow.config.LinedYaml.Mapping;
import io.opsflow.config.LinedYaml.Node;
import io.opsflow.config.LinedYaml.Sequence;
import io.opsflow.escalation.model.Directory;
import io.opsflow.escalation.model.EscalationPolicy;
import io.opsflow.escalation.model.PolicyValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads escalation policies from YAML files ({@code policies:} followed by a list, see {@code
 * config/policies.example.yaml}). All or nothing: either every policy in every file is sound and
 * all are returned, or none is and the problems say file, line and reason, so the configuration in
 * force can stay as it was.
 */
public final class PolicyFiles {

  /** The policies loaded, or the problems that refused them (then no policy at all). */
  public record Result(List<EscalationPolicy> policies, List<String> problems) {
    public Result {
      policies = List.copyOf(policies);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Directory directory;
  private final PolicyValidator validator = new PolicyValidator();

  public PolicyFiles(Directory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** Loads every {@code .yaml} and {@code .yml} file in {@code dir}, in name order. */
  public Result loadDirectory(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return load(
          entries
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList());
    }
  }

  public Result load(Path... files) throws IOException {
    return load(List.of(files));
  }

  public Result load(List<Path> files) throws IOException {
    List<EscalationPolicy> policies = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Path file : files) {
      loadFile(file, policies, problems, seen);
    }
    return problems.isEmpty() ? new Result(policies, List.of()) : new Result(List.of(), problems);
  }

  private void loadFile(
      Path file, List<EscalationPolicy> policies, List<String> problems, Map<String, String> seen)
      throws IOException {
    Node root;
    try {
      root = LinedYaml.read(file);
    } catch (LinedYaml.Malformed e) {
      problems.add(file + ":" + e.line() + ": " + e.getMessage());
      return;
    }
    if (root == null) {
      return;
    }
    Node list = root instanceof Mapping map ? map.entries().get("policies") : null;
    if (!(list instanceof Sequence seq)) {
      problems.add(file + ":" + root.line() + ": expected 'policies:' followed by a list");
      return;
    }
    for (Node item : seq.items()) {
      PolicyReader reader = new PolicyReader();
      EscalationPolicy policy = reader.policy(item);
      reader.findings().forEach(f -> problems.add(file + ":" + f.line() + ": " + f.reason()));
      if (policy == null) {
        continue;
      }
      String where = file + ":" + item.line();
      String earlier = seen.putIfAbsent(policy.id(), where);
      if (earlier != null) {
        problems.add(where + ": policy '" + policy.id() + "' is already defined at " + earlier);
        continue;
      }
      List<PolicyValidator.Problem> refused = validator.problems(policy, directory);
      for (PolicyValidator.Problem p : refused) {
        problems.add(file + ":" + reader.lineOf(p.path()) + ": policy '" + policy.id() + "': " + p);
      }
      if (refused.isEmpty()) {
        policies.add(policy);
      }
    }
  }
}
