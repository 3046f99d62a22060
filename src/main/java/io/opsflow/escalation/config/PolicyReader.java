package io.opsflow.escalation.config;

import io.opsflow.config.LinedYaml.Mapping;
import io.opsflow.config.LinedYaml.Node;
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
  private final PolicyFields fields = new PolicyFields(findings, lines);

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
    Mapping map = fields.mapping(node, "a policy", POLICY_KEYS);
    if (map == null) {
      return null;
    }
    String id = fields.text(map, "id", null);
    String name = fields.text(map, "name", id);
    int repeat = fields.number(map, "repeat");
    String after = fields.text(map, "afterLastLevel", "stop");
    if (!"stop".equalsIgnoreCase(after)) {
      findings.add(
          new Finding(PolicyFields.lineIn(map, "afterLastLevel"), "afterLastLevel must be 'stop'"));
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
    Mapping map = fields.mapping(node, "a level", LEVEL_KEYS);
    if (map == null) {
      return null;
    }
    lines.put(path + ".delay", PolicyFields.lineIn(map, "delay"));
    Duration delay = fields.duration(map);
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
    Mapping map = fields.mapping(node, "a target (user, schedule or slack)", TARGET_KEYS);
    if (map == null || findings.size() > before) {
      return null;
    }
    if (map.entries().size() != 1) {
      findings.add(new Finding(node.line(), "a target names exactly one user, schedule or slack"));
      return null;
    }
    String kind = map.entries().keySet().iterator().next();
    String value = fields.text(map, kind, null);
    if (value == null) {
      return null;
    }
    return switch (kind) {
      case "user" -> new Target.UserTarget(value);
      case "schedule" -> new Target.ScheduleTarget(value);
      default -> new Target.SlackChannelTarget(value);
    };
  }
}
