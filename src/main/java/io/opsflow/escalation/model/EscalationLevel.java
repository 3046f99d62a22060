package io.opsflow.escalation.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One level of a policy: the targets notified when it fires and how long to wait for an
 * acknowledgement before the next level. Values are checked by {@link PolicyValidator}, not here,
 * so that a bad file can be reported with every problem at once.
 */
public record EscalationLevel(Duration delayBeforeNext, List<Target> targets) {
  public static final Duration MIN_DELAY = Duration.ofMinutes(1);

  public EscalationLevel {
    Objects.requireNonNull(delayBeforeNext, "delayBeforeNext");
    targets = List.copyOf(targets);
  }
}
