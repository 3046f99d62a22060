package io.opsflow.escalation.config;

import io.opsflow.config.LinedYaml.Mapping;
import io.opsflow.config.LinedYaml.Node;
import io.opsflow.config.LinedYaml.Scalar;
import io.opsflow.config.LinedYaml.Sequence;
import io.opsflow.escalation.model.EscalationLevel;
import io.opsflow.escalation.model.EscalationPolicy;
import io.opsflow.escalation.model.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the YAML tree of one policy into an {@link EscalationPolicy}, reporting shape problems with
 * their line and remembering the line of each part for the validator's findings.
 */
final class PolicyReader {
  private static final Set<String> POLICY_KEYS =
      Set.of("id", "name", "repeat", "afterLastLevel", "levels");
  private static final Set<String> LEVEL_KEYS = Set.of("delay", "targets");
  private static final Set<String> TARGET_KEYS = Set.of("user", "schedule", "slack");

  /** A reason with the line it refers to. */
  record Finding(int line, String reason) {}

  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, Integer> lines = new HashMap<>();

  List<Finding> findings() {
    return findings;
  }

  /** The line of the part named by a validator path, or of its nearest enclosing part. */
  int lineOf(String path) {
    String p = path;
    while (!lines.containsKey(p)) {
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return lines.get(p);
  }

  /** The policy, or null when its shape is wrong (the findings say why). */
  EscalationPolicy policy(Node node) {
    lines.put("", node.line());
    int before = findings.size();
    Mapping map = mapping(node, "a policy", POLICY_KEYS);
    if (map == null) {
      return null;
    }
    String id = text(map, "id", null);
    String name = text(map, "name", id);
    int repeat = number(map, "repeat");
    String after = text(map, "afterLastLevel", "stop");
    if (!"stop".equalsIgnoreCase(after)) {
      findings.add(new Finding(lineIn(map, "afterLastLevel"), "afterLastLevel must be 'stop'"));
    }
    List<EscalationLevel> levels = new ArrayList<>();
    Node levelsNode = map.entries().get("levels");
    if (levelsNode instanceof Sequence seq) {
      lines.put("levels", seq.line());
      for (int i = 0; i < seq.items().size(); i++) {
        levels.add(level("levels[" + i + "]", seq.items().get(i)));
      }
    } else if (levelsNode != null) {
      findings.add(new Finding(levelsNode.line(), "levels must be a list"));
    }
    if (findings.size() > before) {
      return null;
    }
    return new EscalationPolicy(id, name, levels, repeat);
  }

  private EscalationLevel level(String path, Node node) {
    lines.put(path, node.line());
    Mapping map = mapping(node, "a level", LEVEL_KEYS);
    if (map == null) {
      return null;
    }
    lines.put(path + ".delay", lineIn(map, "delay"));
    Duration delay = duration(map);
    List<Target> targets = new ArrayList<>();
    Node targetsNode = map.entries().get("targets");
    if (targetsNode instanceof Sequence seq) {
      for (int t = 0; t < seq.items().size(); t++) {
        lines.put(path + ".targets[" + t + "]", seq.items().get(t).line());
        Target target = target(seq.items().get(t));
        if (target != null) {
          targets.add(target);
        }
      }
    } else if (targetsNode != null) {
      findings.add(new Finding(targetsNode.line(), "targets must be a list"));
    }
    return delay == null ? null : new EscalationLevel(delay, targets);
  }

  private Target target(Node node) {
    int before = findings.size();
    Mapping map = mapping(node, "a target (user, schedule or slack)", TARGET_KEYS);
    if (map == null || findings.size() > before) {
      return null;
    }
    if (map.entries().size() != 1) {
      findings.add(new Finding(node.line(), "a target names exactly one user, schedule or slack"));
      return null;
    }
    String kind = map.entries().keySet().iterator().next();
    String value = text(map, kind, null);
    if (value == null) {
      return null;
    }
    return switch (kind) {
      case "user" -> new Target.UserTarget(value);
      case "schedule" -> new Target.ScheduleTarget(value);
      default -> new Target.SlackChannelTarget(value);
    };
  }

  private Mapping mapping(Node node, String what, Set<String> keys) {
    if (!(node instanceof Mapping map)) {
      findings.add(new Finding(node.line(), "expected " + what));
      return null;
    }
    for (String key : map.entries().keySet()) {
      if (!keys.contains(key)) {
        findings.add(
            new Finding(map.entries().get(key).line(), "unknown key '" + key + "' in " + what));
      }
    }
    return map;
  }

  private String text(Mapping map, String key, String fallback) {
    Node node = map.entries().get(key);
    if (node == null && fallback != null) {
      return fallback;
    }
    if (node instanceof Scalar scalar && scalar.text() != null && !scalar.text().isBlank()) {
      return scalar.text();
    }
    findings.add(new Finding(lineIn(map, key), key + " must be a non-empty text"));
    return null;
  }

  private int number(Mapping map, String key) {
    Node node = map.entries().get(key);
    if (node == null) {
      return 0;
    }
    lines.put(key, node.line());
    if (node instanceof Scalar scalar
        && scalar.text() != null
        && scalar.text().matches("-?\\d{1,9}")) {
      return Integer.parseInt(scalar.text());
    }
    findings.add(new Finding(node.line(), key + " must be a whole number"));
    return 0;
  }

  private Duration duration(Mapping map) {
    String text = text(map, "delay", null);
    if (text == null) {
      return null;
    }
    Duration delay = Delays.parse(text);
    if (delay == null) {
      findings.add(
          new Finding(
              lineIn(map, "delay"), "delay '" + text + "' is not a duration (PT10M or 10m)"));
    }
    return delay;
  }

  private static int lineIn(Mapping map, String key) {
    Node node = map.entries().get(key);
    return node == null ? map.line() : node.line();
  }
}
