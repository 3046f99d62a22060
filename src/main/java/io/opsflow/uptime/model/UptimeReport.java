package io.opsflow.uptime.model;

import io.opsflow.sla.model.Interval;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A service's uptime SLA for one calendar month in a zone. The error budget is {@code (1 - target)}
 * of the whole month (43.2 minutes of a 30-day month at 99.9%); only time before {@code now} is
 * measured, so a month in progress reports what happened so far.
 */
public record UptimeReport(
    String service,
    YearMonth month,
    Double availability,
    double target,
    double downMinutes,
    double maintenanceMinutes,
    double unknownMinutes,
    double errorBudgetMinutes,
    double errorBudgetLeftMinutes,
    Boolean met) {

  public static final double TARGET = 0.999;

  /** The month {@code [first day 00:00, next month's first day 00:00)} in {@code zone}. */
  public static Interval monthIn(YearMonth month, ZoneId zone) {
    return new Interval(
        month.atDay(1).atStartOfDay(zone).toInstant(),
        month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  /** The report of a measurement of {@code monthIn(month, zone)} clipped to {@code now}. */
  public static UptimeReport of(
      String service,
      YearMonth month,
      Interval wholeMonth,
      Availability.Measured m,
      double target) {
    double budget = round(minutes(wholeMonth.length()) * (1 - target));
    double down = round(minutes(m.down()));
    Double availability = m.availability();
    return new UptimeReport(
        service,
        month,
        availability,
        target,
        down,
        round(minutes(m.maintenance())),
        round(minutes(m.unknown())),
        budget,
        round(budget - down),
        availability == null ? null : availability >= target);
  }

  /** The part of the month to measure: up to {@code now} at most. */
  public static Interval measured(Interval wholeMonth, Instant now) {
    Instant end = now.isBefore(wholeMonth.end()) ? now : wholeMonth.end();
    return new Interval(
        wholeMonth.start(), end.isBefore(wholeMonth.start()) ? wholeMonth.start() : end);
  }

  private static double minutes(Duration d) {
    return d.toMillis() / 60_000.0;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
