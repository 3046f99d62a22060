package io.opsflow.escalation;

import io.opsflow.escalation.model.EscalationLevel;
import io.opsflow.escalation.model.EscalationPolicy;
import io.opsflow.escalation.model.Schedule;
import io.opsflow.escalation.model.Shift;
import io.opsflow.escalation.model.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of on-call answers: who is on call, shifts, policies. */
final class OnCallJson {
  /** How far ahead the end of the current shift is looked for. */
  static final Duration HORIZON = Duration.ofDays(62);

  private OnCallJson() {}

  /**
   * Who is on call on {@code schedule} at {@code at}, and until when (null: beyond the horizon).
   */
  static Map<String, Object> onCall(Schedule schedule, Instant at) {
    Instant horizon = at.plus(HORIZON);
    Optional<Shift> current =
        schedule.shifts(at, horizon).stream().filter(s -> s.start().equals(at)).findFirst();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schedule", schedule.id());
    m.put("name", schedule.name());
    m.put("user", current.map(Shift::user).orElse(null));
    m.put("until", current.map(Shift::end).filter(end -> end.isBefore(horizon)).orElse(null));
    return m;
  }

  static Map<String, Object> shift(Shift shift) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", shift.user());
    m.put("start", shift.start());
    m.put("end", shift.end());
    return m;
  }

  static Map<String, Object> policy(EscalationPolicy policy) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", policy.id());
    m.put("name", policy.name());
    m.put("repeat", policy.repeat());
    m.put("afterLastLevel", policy.afterLastLevel().name().toLowerCase(java.util.Locale.ROOT));
    m.put("levels", policy.levels().stream().map(OnCallJson::level).toList());
    return m;
  }

  private static Map<String, Object> level(EscalationLevel level) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("delay", level.delayBeforeNext().toString());
    m.put("targets", level.targets().stream().map(OnCallJson::target).toList());
    return m;
  }

  private static Map<String, String> target(Target target) {
    if (target instanceof Target.UserTarget u) {
      return Map.of("type", "user", "id", u.userId());
    }
    if (target instanceof Target.ScheduleTarget s) {
      return Map.of("type", "schedule", "id", s.scheduleId());
    }
    return Map.of("type", "slack", "channel", ((Target.SlackChannelTarget) target).channel());
  }

  static Map<String, Object> items(List<?> items) {
    return Map.of("items", items);
  }
}
