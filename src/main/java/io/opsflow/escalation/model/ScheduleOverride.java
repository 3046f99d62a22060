package io.opsflow.escalation.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A user on call from {@code start} (inclusive) to {@code end} (exclusive), above every layer.
 * (Named {@code ScheduleOverride} so that it does not shadow {@code java.lang.Override}.)
 */
public record ScheduleOverride(String user, Instant start, Instant end) {
  public ScheduleOverride {
    Objects.requireNonNull(user, "user");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("an override must end after it starts");
    }
  }

  boolean covers(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
