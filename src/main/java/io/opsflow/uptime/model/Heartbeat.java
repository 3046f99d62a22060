package io.opsflow.uptime.model;

import io.opsflow.sla.model.SlaAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A dead-man's switch: a source that promises to beat every {@code interval}. It is late once its
 * last beat is older than {@code interval + grace}, and is forgotten (unregistered) once it has
 * been silent longer than {@code retention}.
 *
 * @param state what was last acted on (an alert triggered for LATE, resolved on the way back)
 */
public record Heartbeat(
    String organizationId,
    String source,
    Duration interval,
    Duration grace,
    Duration retention,
    Instant lastBeatAt,
    State state) {

  public enum State {
    UP,
    LATE,
    UNREGISTERED
  }

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /** A change the scanner acts on: the new state and the alert that says so. */
  public record Change(State to, SlaAlert.Action action, String reason) {}

  /** Checks the settings of a registration; the reason when they do not hold. */
  public static Optional<String> invalid(Duration interval, Duration grace, Duration retention) {
    if (interval.compareTo(Duration.ofSeconds(1)) < 0
        || interval.compareTo(Duration.ofDays(7)) > 0) {
      return Optional.of("interval must be from PT1S to P7D");
    }
    if (grace.isNegative() || grace.compareTo(Duration.ofDays(7)) > 0) {
      return Optional.of("grace must be from PT0S to P7D");
    }
    if (retention.compareTo(interval.plus(grace)) <= 0
        || retention.compareTo(Duration.ofDays(90)) > 0) {
      return Optional.of("retention must be longer than interval + grace and at most P90D");
    }
    return Optional.empty();
  }

  public Instant dueBy() {
    return lastBeatAt.plus(interval).plus(grace);
  }

  /** The state as seen at {@code now}, whatever the scanner has acted on yet. */
  public State stateAt(Instant now) {
    if (state == State.UNREGISTERED || now.isAfter(lastBeatAt.plus(retention))) {
      return State.UNREGISTERED;
    }
    return now.isAfter(dueBy()) ? State.LATE : State.UP;
  }

  /** What the scanner must do at {@code now}, if anything. */
  public Optional<Change> changeAt(Instant now) {
    State seen = stateAt(now);
    if (seen == state) {
      return Optional.empty();
    }
    return switch (seen) {
      case LATE ->
          Optional.of(
              new Change(
                  State.LATE,
                  SlaAlert.Action.TRIGGER,
                  "no heartbeat from " + source + " since " + lastBeatAt));
      case UP ->
          Optional.of(
              new Change(
                  State.UP, SlaAlert.Action.RESOLVE, "heartbeat from " + source + " is back"));
      case UNREGISTERED ->
          Optional.of(
              new Change(
                  State.UNREGISTERED,
                  state == State.LATE ? SlaAlert.Action.RESOLVE : null,
                  "heartbeat "
                      + source
                      + " unregistered: silent for longer than its retention of "
                      + retention));
    };
  }

  public String dedupKey() {
    return "heartbeat:" + source;
  }
}
