package io.opsflow.sla.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The business-time arithmetic of an {@link SlaClock}: its calendar, start and pauses. */
final class SlaTime {
  private final BusinessCalendar calendar;
  private final Instant start;
  private final List<Pause> pauses;

  SlaTime(BusinessCalendar calendar, Instant start, List<Pause> pauses) {
    this.calendar = calendar;
    this.start = start;
    this.pauses = pauses;
  }

  /** {@code share} (0 to 1) of {@code target}, rounded to the nanosecond. */
  static Duration share(Duration target, double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("the warning share must be in (0, 1], got " + share);
    }
    long nanos =
        BigDecimal.valueOf(share)
            .multiply(BigDecimal.valueOf(target.toNanos()))
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact();
    return Duration.ofNanos(nanos);
  }

  /** Business time counted in [start, end), pauses left out. */
  Duration spent(Instant end) {
    Duration sum = Duration.ZERO;
    Instant from = start;
    for (Pause p : pauses) {
      sum = sum.plus(running(from, min(p.paused(), end)));
      if (p.open()) {
        return sum;
      }
      from = p.resumed();
    }
    return sum.plus(running(from, end));
  }

  private Duration running(Instant from, Instant to) {
    return to.isAfter(from) ? calendar.between(from, to) : Duration.ZERO;
  }

  /** When {@code amount} has been spent; an open pause ends at {@code resume} (null: unknown). */
  Instant whenSpent(Duration amount, Instant resume) {
    Instant from = start;
    Duration left = amount;
    for (Pause p : pauses) {
      Duration before = running(from, p.paused());
      if (left.compareTo(before) <= 0) {
        return calendar.add(from, left);
      }
      left = left.minus(before);
      from = p.open() ? resume : p.resumed();
      if (from == null) {
        return null;
      }
    }
    return calendar.add(from, left);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** When the clock's last event (its start, a pause or a resumption) happened. */
  Instant lastEvent() {
    if (pauses.isEmpty()) {
      return start;
    }
    Pause last = pauses.get(pauses.size() - 1);
    return last.open() ? last.paused() : last.resumed();
  }

  static Duration positive(Duration target) {
    if (target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("an SLA target must be positive, got " + target);
    }
    return target;
  }

  static void requireNotBefore(Instant at, Instant last, String action) {
    if (at.isBefore(last)) {
      throw new IllegalArgumentException(
          "cannot " + action + " at " + at + ", before the clock's last event at " + last);
    }
  }
}
