package io.opsflow.escalation.model;

import java.util.Objects;

/** Who an escalation level notifies. */
public sealed interface Target {

  /** A person, notified directly. */
  record UserTarget(String userId) implements Target {
    public UserTarget {
      Objects.requireNonNull(userId, "userId");
    }
  }

  /** An on-call schedule, resolved to whoever is on call when the level fires. */
  record ScheduleTarget(String scheduleId) implements Target {
    public ScheduleTarget {
      Objects.requireNonNull(scheduleId, "scheduleId");
    }
  }

  /** A Slack channel, posted to when the level fires. */
  record SlackChannelTarget(String channel) implements Target {
    public SlackChannelTarget {
      Objects.requireNonNull(channel, "channel");
    }
  }
}
