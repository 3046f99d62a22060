package io.opsflow.sla.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A half-open stretch of time {@code [start, end)}. */
public record Interval(Instant start, Instant end) {
  public Interval {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("interval ends before it starts: " + start + " " + end);
    }
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  public boolean overlaps(Instant from, Instant to) {
    return end.isAfter(from) && start.isBefore(to);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  /** The part of this interval inside {@code [from, to)}, if any. */
  public Optional<Interval> clip(Instant from, Instant to) {
    Instant s = start.isBefore(from) ? from : start;
    Instant e = end.isAfter(to) ? to : end;
    return s.isBefore(e) ? Optional.of(new Interval(s, e)) : Optional.empty();
  }
}
