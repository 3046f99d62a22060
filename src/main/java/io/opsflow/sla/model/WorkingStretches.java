package io.opsflow.sla.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The working stretches of a {@link BusinessCalendar} as instants: the next one from a given
 * instant, and how many whole weeks can be skipped at once.
 */
final class WorkingStretches {
  private static final Duration WEEK = Duration.ofDays(7);

  private final ZoneRules rules;
  private final WeeklyHours hours;
  private final Holidays holidays;

  WorkingStretches(ZoneRules rules, WeeklyHours hours, Holidays holidays) {
    this.rules = rules;
    this.hours = hours;
    this.holidays = holidays;
  }

  /**
   * How many whole weeks (at most {@code max}) from {@code at} hold exactly one nominal week of
   * working time: no clock change and no holiday in them.
   */
  long skippableWeeks(Instant at, long max) {
    if (max <= 0) {
      return 0;
    }
    LocalDateTime local = LocalDateTime.ofInstant(at, rules.getOffset(at));
    ZoneOffsetTransition change = rules.nextTransition(at);
    long weeks = max;
    if (change != null) {
      weeks = Math.min(weeks, Duration.between(at, change.getInstant()).dividedBy(WEEK));
    }
    LocalDate holiday = holidays.nextOnOrAfter(local.toLocalDate());
    if (holiday != null) {
      long days = local.toLocalDate().until(holiday, ChronoUnit.DAYS);
      weeks = Math.min(weeks, Math.max(0, days - 1) / 7);
    }
    return Math.max(0, weeks);
  }

  /** The first working stretch ending after {@code t}, starting at {@code t} or later. */
  Piece nextPiece(Instant t) {
    Instant at = t;
    while (true) {
      ZoneOffset offset = rules.getOffset(at);
      ZoneOffsetTransition change = rules.nextTransition(at);
      LocalDateTime limit = change == null ? null : change.getDateTimeBefore();
      WeeklyHours.LocalRange range =
          hours.next(LocalDateTime.ofInstant(at, offset), limit, holidays);
      if (range != null) {
        return new Piece(range.start().toInstant(offset), range.end().toInstant(offset));
      }
      at = change.getInstant();
    }
  }

  record Piece(Instant start, Instant end) {}
}
