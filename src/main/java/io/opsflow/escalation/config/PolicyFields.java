package io.opsflow.escalation.config;

import io.opsflow.config.LinedYaml.Mapping;
import io.opsflow.config.LinedYaml.Node;
import io.opsflow.config.LinedYaml.Scalar;
import io.opsflow.escalation.config.PolicyReader.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single fields of a policy as {@link PolicyReader} reads them: mappings with their allowed
 * keys, texts, numbers and delays; each problem becomes a finding with its line.
 */
final class PolicyFields {
  private final List<Finding> findings;
  private final Map<String, Integer> lines;

  PolicyFields(List<Finding> findings, Map<String, Integer> lines) {
    this.findings = findings;
    this.lines = lines;
  }

  Mapping mapping(Node node, String what, Set<String> keys) {
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

  String text(Mapping map, String key, String fallback) {
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

  int number(Mapping map, String key) {
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

  Duration duration(Mapping map) {
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

  static int lineIn(Mapping map, String key) {
    Node node = map.entries().get(key);
    return node == null ? map.line() : node.line();
  }
}
