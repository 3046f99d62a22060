package io.opsflow.incident.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What the incident process does after an escalation step: wait {@code delayBeforeNext} (an
 * ISO-8601 duration) and run step {@code nextStep}, or stop escalating and only wait for an
 * acknowledgement or a resolution.
 */
public record EscalationDecision(Outcome outcome, String delayBeforeNext, int nextStep) {

  /** The two ways the process can go; {@link #wireName()} is what the model compares against. */
  public enum Outcome {
    CONTINUE,
    STOP;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public EscalationDecision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(delayBeforeNext, "delayBeforeNext");
    if (outcome == Outcome.CONTINUE) {
      Duration.parse(delayBeforeNext);
      if (nextStep < 0) {
        throw new IllegalArgumentException("nextStep must not be negative: " + nextStep);
      }
    }
  }

  /** No further escalation step. */
  public static EscalationDecision stop() {
    return new EscalationDecision(Outcome.STOP, "", -1);
  }

  /** Run step {@code nextStep} after {@code delay} (a negative delay counts as zero). */
  public static EscalationDecision continueAfter(Duration delay, int nextStep) {
    Duration wait = delay.isNegative() ? Duration.ZERO : delay;
    return new EscalationDecision(Outcome.CONTINUE, wait.toString(), nextStep);
  }

  public boolean continues() {
    return outcome == Outcome.CONTINUE;
  }
}
