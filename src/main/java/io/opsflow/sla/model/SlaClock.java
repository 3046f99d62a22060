package io.opsflow.sla.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SLA clock: business time counted on a calendar from a start towards a target, minus the
 * business time spent paused. Immutable; each change returns a new clock. Events must come in time
 * order. Pausing over a weekend costs only the business time inside the pause: paused Friday 16:00,
 * resumed Monday 10:00 on a 09:00-17:00 calendar moves the deadline by two business hours.
 */
public final class SlaClock {
  public static final double DEFAULT_WARNING_SHARE = 0.75;

  private final BusinessCalendar calendar;
  private final Instant start;
  private final Duration target;
  private final List<Pause> pauses;
  private final Instant stoppedAt;
  private final SlaTime time;

  private SlaClock(
      BusinessCalendar calendar,
      Instant start,
      Duration target,
      List<Pause> pauses,
      Instant stoppedAt) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.start = Objects.requireNonNull(start, "start");
    this.target = SlaTime.positive(Objects.requireNonNull(target, "target"));
    this.pauses = List.copyOf(pauses);
    this.stoppedAt = stoppedAt;
    this.time = new SlaTime(this.calendar, start, this.pauses);
  }

  public static SlaClock start(Instant start, Duration target, BusinessCalendar calendar) {
    return new SlaClock(calendar, start, target, List.of(), null);
  }

  public Instant started() {
    return start;
  }

  public Duration target() {
    return target;
  }

  public List<Pause> pauses() {
    return pauses;
  }

  public boolean paused() {
    return !pauses.isEmpty() && pauses.get(pauses.size() - 1).open();
  }

  public Optional<Instant> stoppedAt() {
    return Optional.ofNullable(stoppedAt);
  }

  /** The deadline; empty while paused before reaching it (it depends on when the clock resumes). */
  public Optional<Instant> due() {
    return Optional.ofNullable(time.whenSpent(target, null));
  }

  public Optional<Instant> warningAt() {
    return warningAt(DEFAULT_WARNING_SHARE);
  }

  /** When {@code share} (0 to 1) of the target has been spent; empty as for {@link #due()}. */
  public Optional<Instant> warningAt(double share) {
    return Optional.ofNullable(time.whenSpent(SlaTime.share(target, share), null));
  }

  public SlaClock pause(Instant at, String reason) {
    requireRunning("pause");
    if (paused()) {
      throw new IllegalStateException("the SLA clock is already paused since " + last().paused());
    }
    SlaTime.requireNotBefore(at, time.lastEvent(), "pause");
    List<Pause> more = new ArrayList<>(pauses);
    more.add(new Pause(at, null, reason));
    return new SlaClock(calendar, start, target, more, null);
  }

  public SlaClock resume(Instant at) {
    requireRunning("resume");
    if (!paused()) {
      throw new IllegalStateException("the SLA clock is running; only a paused clock resumes");
    }
    SlaTime.requireNotBefore(at, last().paused(), "resume");
    List<Pause> more = new ArrayList<>(pauses);
    more.set(more.size() - 1, last().resumedAt(at));
    return new SlaClock(calendar, start, target, more, null);
  }

  /** Stops the clock for good (e.g. at the first qualifying response); ends a pause if any. */
  public SlaClock stop(Instant at) {
    requireRunning("stop");
    SlaClock clock = paused() ? resume(at) : this;
    SlaTime.requireNotBefore(at, clock.time.lastEvent(), "stop");
    return new SlaClock(calendar, start, target, clock.pauses, at);
  }

  /** The same clock, counted from the same start and pauses, towards a new target. */
  public SlaClock retarget(Duration newTarget) {
    return retarget(newTarget, calendar);
  }

  /** Also on a new calendar, e.g. when a P-0 (24x7) becomes a P-1 (business hours). */
  public SlaClock retarget(Duration newTarget, BusinessCalendar newCalendar) {
    return new SlaClock(newCalendar, start, newTarget, pauses, stoppedAt);
  }

  public SlaStatus status(Instant now) {
    Instant end = stoppedAt != null ? stoppedAt : now;
    Instant due = time.whenSpent(target, now);
    Duration remaining = target.minus(time.spent(end));
    boolean breached = end.isAfter(due);
    return new SlaStatus(
        target, due, remaining, paused(), breached, stoppedAt(), stoppedAt != null && !breached);
  }

  private void requireRunning(String action) {
    if (stoppedAt != null) {
      throw new IllegalStateException(
          "cannot " + action + ": the SLA clock stopped at " + stoppedAt);
    }
  }

  private Pause last() {
    return pauses.get(pauses.size() - 1);
  }

  @Override
  public String toString() {
    return "SlaClock[start "
        + start
        + ", target "
        + target
        + ", pauses "
        + pauses
        + (stoppedAt == null ? "" : ", stopped " + stoppedAt)
        + "]";
  }
}
