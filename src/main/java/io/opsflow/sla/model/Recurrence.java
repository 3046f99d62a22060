package io.opsflow.sla.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a maintenance window is open: once ({@link #once}), or repeatedly by an iCalendar RRULE
 * subset ({@code FREQ=DAILY|WEEKLY|MONTHLY}, {@code INTERVAL}, {@code BYDAY} with ordinals such as
 * {@code 1SU} or {@code -1FR} for MONTHLY, {@code COUNT} or {@code UNTIL}) from a local {@code
 * DTSTART} in an IANA zone, each occurrence lasting {@code duration}. Occurrences start at the same
 * local wall-clock time in the zone whatever its offset (a start in a DST gap moves forward by the
 * gap's length; in an overlap the earlier offset is taken); the duration is elapsed time.
 */
public final class Recurrence {
  /** Iterations at most per query: a rule matching no day must not loop forever. */
  private static final int MAX_STEPS = 200_000;

  private final RecurrenceRule rule; // null for a one-off window
  private final LocalDateTime dtstart;
  private final ZoneId zone;
  private final Duration duration;
  private final Interval once;

  private Recurrence(
      RecurrenceRule rule, LocalDateTime dtstart, ZoneId zone, Duration duration, Interval once) {
    this.rule = rule;
    this.dtstart = dtstart;
    this.zone = zone;
    this.duration = duration;
    this.once = once;
  }

  /** A one-off window {@code [start, end)}. */
  public static Recurrence once(Instant start, Instant end) {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start");
    }
    return new Recurrence(null, null, null, Duration.between(start, end), new Interval(start, end));
  }

  /**
   * A recurring window.
   *
   * @throws IllegalArgumentException with the reason when the rule is outside the subset
   */
  public static Recurrence recurring(
      String rrule, LocalDateTime dtstart, ZoneId zone, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive");
    }
    RecurrenceRule rule = RecurrenceRule.parse(rrule);
    if (rule.freq() == RecurrenceRule.Freq.DAILY && duration.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("a daily window cannot last more than a day");
    }
    return new Recurrence(rule, dtstart, zone, duration, null);
  }

  public Optional<RecurrenceRule> rule() {
    return Optional.ofNullable(rule);
  }

  public Optional<Interval> oneOff() {
    return Optional.ofNullable(once);
  }

  public LocalDateTime dtstart() {
    return dtstart;
  }

  public ZoneId zone() {
    return zone;
  }

  public Duration duration() {
    return duration;
  }

  public boolean covers(Instant t) {
    return !occurrencesBetween(t, t.plusNanos(1)).isEmpty();
  }

  /** Occurrences overlapping {@code [from, to)}, in order, unclipped. */
  public List<Interval> occurrencesBetween(Instant from, Instant to) {
    List<Interval> out = new ArrayList<>();
    if (once != null) {
      if (once.overlaps(from, to)) {
        out.add(once);
      }
      return out;
    }
    int produced = 0;
    int steps = 0;
    for (long k = 0; steps < MAX_STEPS; k++) {
      List<LocalDate> dates = datesOfPeriod(k);
      steps += Math.max(1, dates.size());
      for (LocalDate date : dates) {
        if (date.isBefore(dtstart.toLocalDate())) {
          continue;
        }
        Instant start = ZonedDateTime.of(date, dtstart.toLocalTime(), zone).toInstant();
        produced++;
        if ((rule.count() != null && produced > rule.count())
            || (rule.until() != null && start.isAfter(rule.until()))
            || !start.isBefore(to)) {
          return out;
        }
        Interval occurrence = new Interval(start, start.plus(duration));
        if (occurrence.overlaps(from, to)) {
          out.add(occurrence);
        }
      }
    }
    return out;
  }

  /** The candidate dates of the k-th period (day, week or month) after DTSTART's, in order. */
  private List<LocalDate> datesOfPeriod(long k) {
    LocalDate d0 = dtstart.toLocalDate();
    long step = k * rule.interval();
    return switch (rule.freq()) {
      case DAILY -> {
        LocalDate d = d0.plusDays(step);
        yield rule.byDay().isEmpty() || rule.matchesWeekday(d.getDayOfWeek())
            ? List.of(d)
            : List.of();
      }
      case WEEKLY -> {
        LocalDate monday =
            d0.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(step);
        List<LocalDate> days = new ArrayList<>();
        for (DayOfWeek dow : DayOfWeek.values()) {
          if (rule.byDay().isEmpty() ? dow == d0.getDayOfWeek() : rule.matchesWeekday(dow)) {
            days.add(monday.plusDays(dow.getValue() - 1L));
          }
        }
        yield days;
      }
      case MONTHLY -> rule.datesInMonth(d0.withDayOfMonth(1).plusMonths(step), d0.getDayOfMonth());
    };
  }
}
