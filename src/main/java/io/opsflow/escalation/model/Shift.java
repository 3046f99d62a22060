package io.opsflow.escalation.model;

import java.time.Duration;
import java.time.Instant;

/** A rendered stretch of on-call: {@code user} from {@code start} (inclusive) to {@code end}. */
public record Shift(String user, Instant start, Instant end) {
  public Duration length() {
    return Duration.between(start, end);
  }
}
