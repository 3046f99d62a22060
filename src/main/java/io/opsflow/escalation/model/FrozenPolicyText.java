package io.opsflow.escalation.model;

import io.opsflow.escalation.model.Target.ScheduleTarget;
import io.opsflow.escalation.model.Target.SlackChannelTarget;
import io.opsflow.escalation.model.Target.UserTarget;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a {@link FrozenPolicy}: one field per line, {@code key value}, with every free
 * text value URL-encoded so that spaces, newlines and any other character survive the trip.
 *
 * <pre>
 * opsflow-frozen-policy 1
 * id web-prod
 * name Web%2C+production
 * repeat 2
 * after STOP
 * taken 2026-03-29T01:30:00Z
 * level PT10M user:alice schedule:web-primary slack:%23web
 * </pre>
 */
final class FrozenPolicyText {
  private static final String HEADER = "opsflow-frozen-policy 1";

  private FrozenPolicyText() {}

  static String write(FrozenPolicy policy) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    out.append("id ").append(encode(policy.policyId())).append('\n');
    out.append("name ").append(encode(policy.name())).append('\n');
    out.append("repeat ").append(policy.repeat()).append('\n');
    out.append("after ").append(policy.afterLastLevel().name()).append('\n');
    out.append("taken ").append(policy.takenAt()).append('\n');
    for (EscalationLevel level : policy.levels()) {
      out.append("level ").append(level.delayBeforeNext());
      for (Target target : level.targets()) {
        out.append(' ').append(targetText(target));
      }
      out.append('\n');
    }
    return out.toString();
  }

  static FrozenPolicy read(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 7 || !lines[0].equals(HEADER) || !lines[lines.length - 1].isEmpty()) {
      throw new IllegalArgumentException("not a frozen escalation policy");
    }
    try {
      List<EscalationLevel> levels = new ArrayList<>();
      for (int i = 6; i < lines.length - 1; i++) {
        levels.add(level(field(lines[i], "level")));
      }
      return new FrozenPolicy(
          decode(field(lines[1], "id")),
          decode(field(lines[2], "name")),
          levels,
          Integer.parseInt(field(lines[3], "repeat")),
          EscalationPolicy.AfterLastLevel.valueOf(field(lines[4], "after")),
          Instant.parse(field(lines[5], "taken")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "malformed frozen escalation policy: " + e.getMessage(), e);
    }
  }

  private static String field(String line, String key) {
    if (!line.startsWith(key + " ")) {
      throw new IllegalArgumentException("expected '" + key + "' in line '" + line + "'");
    }
    return line.substring(key.length() + 1);
  }

  private static EscalationLevel level(String value) {
    String[] parts = value.split(" ");
    List<Target> targets = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      targets.add(target(parts[i]));
    }
    return new EscalationLevel(Duration.parse(parts[0]), targets);
  }

  private static String targetText(Target target) {
    if (target instanceof UserTarget user) {
      return "user:" + encode(user.userId());
    }
    if (target instanceof ScheduleTarget schedule) {
      return "schedule:" + encode(schedule.scheduleId());
    }
    return "slack:" + encode(((SlackChannelTarget) target).channel());
  }

  private static Target target(String text) {
    int colon = text.indexOf(':');
    String kind = colon < 0 ? text : text.substring(0, colon);
    String value = decode(text.substring(colon + 1));
    return switch (kind) {
      case "user" -> new UserTarget(value);
      case "schedule" -> new ScheduleTarget(value);
      case "slack" -> new SlackChannelTarget(value);
      default -> throw new IllegalArgumentException("unknown target '" + text + "'");
    };
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
