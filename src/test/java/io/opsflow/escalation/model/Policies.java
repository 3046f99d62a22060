package io.opsflow.escalation.model;

import io.opsflow.escalation.model.Target.ScheduleTarget;
import io.opsflow.escalation.model.Target.SlackChannelTarget;
import io.opsflow.escalation.model.Target.UserTarget;
import java.time.Duration;
import java.util.List;

/** Policy fixtures named by intent. */
public final class Policies {
  private Policies() {}

  public static EscalationLevel level(Duration delay, Target... targets) {
    return new EscalationLevel(delay, List.of(targets));
  }

  public static UserTarget user(String id) {
    return new UserTarget(id);
  }

  public static ScheduleTarget schedule(String id) {
    return new ScheduleTarget(id);
  }

  static SlackChannelTarget slack(String channel) {
    return new SlackChannelTarget(channel);
  }

  /** Primary schedule and a channel for 10 minutes, then the secondary and a manager. */
  static EscalationPolicy aWebPolicy(int repeat) {
    return new EscalationPolicy(
        "web-production",
        "Web, production",
        List.of(
            level(Duration.ofMinutes(10), schedule("web-primary"), slack("#inc-web")),
            level(Duration.ofMinutes(15), schedule("web-secondary"), user("engineering-manager"))),
        repeat);
  }

  public static EscalationPolicy withLevels(EscalationLevel... levels) {
    return new EscalationPolicy("p", "P", List.of(levels), 0);
  }
}
