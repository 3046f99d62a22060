package io.opsflow.sla;

import io.opsflow.config.LinedYaml.Mapping;
import io.opsflow.config.LinedYaml.Node;
import io.opsflow.config.Problems;
import io.opsflow.sla.model.SlaPolicy;
import io.opsflow.sla.model.SlaTarget;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One priority's target overrides in {@code policies.yaml}, as {@link SlaPolicyFile} reads them.
 */
final class SlaPolicyOverrides {
  private static final Pattern AMOUNT = Pattern.compile("(\\d{1,6})\\s*([mhd])");

  private SlaPolicyOverrides() {}

  static SlaPolicy overrides(
      SlaPolicy policy, String priority, int line, Node node, Problems problems) {
    SlaPolicy.Targets defaults;
    try {
      defaults = policy.targets(priority);
    } catch (IllegalArgumentException e) {
      problems.add(line, "unknown field '" + priority + "' (expected calendar, P-0, P-1 or P-2)");
      return policy;
    }
    if (!(node instanceof Mapping targets)) {
      problems.add(line, "'" + priority + "' must map response and/or resolution to an amount");
      return policy;
    }
    SlaTarget response = defaults.response();
    SlaTarget resolution = defaults.resolution();
    for (String key : targets.entries().keySet()) {
      int at = targets.lineOf(key);
      String text = CalendarFiles.text(targets, key, problems);
      SlaTarget parsed = text == null ? null : target(text, defaults.response().roundTheClock());
      if (!key.equals("response") && !key.equals("resolution")) {
        problems.add(at, "unknown field '" + key + "' (expected response or resolution)");
      } else if (text != null && parsed == null) {
        problems.add(
            at,
            "'"
                + key
                + "': an amount like 30m, 4h or 2d (business days) expected, got '"
                + text
                + "'");
      } else if (parsed != null && key.equals("response")) {
        response = parsed;
      } else if (parsed != null) {
        resolution = parsed;
      }
    }
    return policy.with(priority, new SlaPolicy.Targets(response, resolution));
  }

  private static SlaTarget target(String text, boolean roundTheClock) {
    Matcher m = AMOUNT.matcher(text.trim());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    SlaTarget plain =
        switch (m.group(2)) {
          case "m" -> SlaTarget.businessTime(Duration.ofMinutes(n));
          case "h" -> SlaTarget.businessTime(Duration.ofHours(n));
          default -> SlaTarget.businessDays(n);
        };
    return new SlaTarget(plain.businessDays(), plain.time(), roundTheClock);
  }
}
