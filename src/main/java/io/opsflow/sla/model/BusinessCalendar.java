package io.opsflow.sla.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Working hours in an IANA time zone: wall-clock frames per weekday, minus holidays.
 *
 * <p>An instant is open when its wall-clock reading in the zone falls in a frame of that reading's
 * date and the date is not a holiday. So on the night the clocks go forward a frame 01:00-04:00
 * holds two real hours, on the night they go back four; wall-clock times skipped by a gap are never
 * open, times read twice in an overlap are open both times. All results are exact to the
 * nanosecond. Work is done frame by frame, and whole weeks are skipped where no holiday and no
 * clock change intervenes, so long durations cost little.
 */
public final class BusinessCalendar {
  private static final Duration WEEK = Duration.ofDays(7);

  private final ZoneId zone;
  private final WorkingStretches stretches;
  private final WeeklyHours hours;
  private final Holidays holidays;

  private BusinessCalendar(ZoneId zone, WeeklyHours hours, Holidays holidays) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.hours = Objects.requireNonNull(hours, "hours");
    this.holidays = Objects.requireNonNull(holidays, "holidays");
    this.stretches = new WorkingStretches(zone.getRules(), hours, holidays);
  }

  /** Weekly hours were validated when built: a week without working time is already refused. */
  public static BusinessCalendar of(ZoneId zone, WeeklyHours hours, Holidays holidays) {
    return new BusinessCalendar(zone, hours, holidays);
  }

  /** Around the clock, every day, no holidays: for targets such as P-0's "1 hour, 24x7". */
  public static BusinessCalendar alwaysOpen(ZoneId zone) {
    return new BusinessCalendar(zone, WeeklyHours.allDay(), Holidays.none());
  }

  public BusinessCalendar withHolidays(Holidays more) {
    return new BusinessCalendar(zone, hours, holidays.plus(more));
  }

  public ZoneId zone() {
    return zone;
  }

  public WeeklyHours hours() {
    return hours;
  }

  public Holidays holidays() {
    return holidays;
  }

  /** The working time of the longest weekday (8 h for 09:00-17:00; 24 h when always open). */
  public Duration businessDay() {
    return hours.longestDay();
  }

  public boolean isOpen(Instant t) {
    return stretches.nextPiece(t).start().equals(t);
  }

  /** {@code t} itself when open, otherwise the next opening. */
  public Instant nextBusinessInstant(Instant t) {
    return stretches.nextPiece(t).start();
  }

  /**
   * The instant at which {@code amount} of business time has elapsed since {@code start}; from a
   * closed instant, counting starts at the next opening. {@code add(start, ZERO)} is {@code start}
   * itself, open or not. For a positive amount the result is the end of the last business
   * nanosecond counted: it may be a closing time (09:00 + 8 h = 17:00, not 09:00 the next day).
   *
   * @throws IllegalArgumentException for a negative amount
   */
  public Instant add(Instant start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot add a negative business time: " + amount);
    }
    if (amount.isZero()) {
      return start;
    }
    Instant at = start;
    Duration left = amount;
    while (true) {
      long weeks = stretches.skippableWeeks(at, left.minusNanos(1).dividedBy(hours.week()));
      at = at.plus(WEEK.multipliedBy(weeks));
      left = left.minus(hours.week().multipliedBy(weeks));
      WorkingStretches.Piece piece = stretches.nextPiece(at);
      Duration available = Duration.between(piece.start(), piece.end());
      if (left.compareTo(available) <= 0) {
        return piece.start().plus(left);
      }
      left = left.minus(available);
      at = piece.end();
    }
  }

  /**
   * The business time in {@code [from, to)}; negative (the business time in {@code [to, from)},
   * negated) when {@code to} is before {@code from}.
   */
  public Duration between(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return between(to, from).negated();
    }
    Duration sum = Duration.ZERO;
    Instant at = from;
    while (at.isBefore(to)) {
      long weeks = stretches.skippableWeeks(at, Duration.between(at, to).dividedBy(WEEK));
      at = at.plus(WEEK.multipliedBy(weeks));
      sum = sum.plus(hours.week().multipliedBy(weeks));
      WorkingStretches.Piece piece = stretches.nextPiece(at);
      if (!piece.start().isBefore(to)) {
        break;
      }
      Instant end = piece.end().isAfter(to) ? to : piece.end();
      sum = sum.plus(Duration.between(piece.start(), end));
      at = end;
    }
    return sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusinessCalendar other
        && zone.equals(other.zone)
        && hours.equals(other.hours)
        && holidays.equals(other.holidays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zone, hours, holidays);
  }

  @Override
  public String toString() {
    return "BusinessCalendar[" + zone + ", " + hours + ", holidays " + holidays + "]";
  }
}
