package io.opsflow.escalation.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A window of local time in which a layer is on call, e.g. weekdays 09:00-17:00. The window starts
 * on each of {@code days} at {@code from}; when {@code to} is not after {@code from} it ends the
 * next day ({@code 18:00-09:00} is a night window, {@code 00:00-00:00} a whole day). Both edges are
 * resolved like hand-offs (see {@link LocalTimes}).
 */
public record Restriction(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  public Restriction {
    days = days.isEmpty() ? Set.copyOf(EnumSet.allOf(DayOfWeek.class)) : Set.copyOf(days);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  public static Restriction weekdays(LocalTime from, LocalTime to) {
    return new Restriction(WEEKDAYS, from, to);
  }

  public static Restriction everyDay(LocalTime from, LocalTime to) {
    return new Restriction(Set.of(), from, to);
  }

  boolean contains(Instant t, ZoneId zone) {
    LocalDate today = LocalTimes.local(t, zone).toLocalDate();
    return contains(today, t, zone) || contains(today.minusDays(1), t, zone);
  }

  private boolean contains(LocalDate day, Instant t, ZoneId zone) {
    return days.contains(day.getDayOfWeek())
        && !t.isBefore(start(day, zone))
        && t.isBefore(end(day, zone));
  }

  /** Adds the window edges on the days from {@code first} to {@code last}. */
  void edges(LocalDate first, LocalDate last, ZoneId zone, Collection<Instant> out) {
    for (LocalDate d = first.minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
      if (days.contains(d.getDayOfWeek())) {
        out.add(start(d, zone));
        out.add(end(d, zone));
      }
    }
  }

  private Instant start(LocalDate day, ZoneId zone) {
    return LocalTimes.resolve(day.atTime(from), zone);
  }

  private Instant end(LocalDate day, ZoneId zone) {
    LocalDate endDay = to.isAfter(from) ? day : day.plusDays(1);
    return LocalTimes.resolve(endDay.atTime(to), zone);
  }
}
