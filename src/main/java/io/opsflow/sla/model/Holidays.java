package io.opsflow.sla.model;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/** Days without any working time, whatever the weekday. Immutable. */
public final class Holidays {
  private static final Holidays NONE = new Holidays(new TreeSet<>());

  private final NavigableSet<LocalDate> dates;

  private Holidays(NavigableSet<LocalDate> dates) {
    this.dates = dates;
  }

  public static Holidays none() {
    return NONE;
  }

  public static Holidays of(Collection<LocalDate> dates) {
    dates.forEach(d -> Objects.requireNonNull(d, "holiday"));
    return new Holidays(new TreeSet<>(dates));
  }

  public static Holidays of(LocalDate... dates) {
    return of(java.util.List.of(dates));
  }

  /**
   * The all-day events of an iCalendar text; yearly events ({@code RRULE:FREQ=YEARLY}) repeat from
   * their start up to ten years after it. See {@link #fromIcs(String, Year)}.
   */
  public static Holidays fromIcs(String ics) {
    return of(new IcsHolidays(ics, null).dates());
  }

  /**
   * The days covered by each VEVENT of an iCalendar text: from its DTSTART date (a date-time counts
   * as its date) to its DTEND (exclusive; without one, one day); yearly events repeat up to and
   * including {@code until}. Folded lines (starting with a space or tab) are unfolded.
   *
   * @throws IcsFormatException naming the line, for a text that cannot be read
   */
  public static Holidays fromIcs(String ics, Year until) {
    return of(new IcsHolidays(ics, Objects.requireNonNull(until, "until")).dates());
  }

  public boolean contains(LocalDate date) {
    return dates.contains(date);
  }

  /** The first holiday on or after {@code date}, or null. */
  LocalDate nextOnOrAfter(LocalDate date) {
    return dates.ceiling(date);
  }

  public NavigableSet<LocalDate> dates() {
    return java.util.Collections.unmodifiableNavigableSet(dates);
  }

  public Holidays plus(Holidays other) {
    TreeSet<LocalDate> all = new TreeSet<>(dates);
    all.addAll(other.dates);
    return new Holidays(all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Holidays other && dates.equals(other.dates);
  }

  @Override
  public int hashCode() {
    return dates.hashCode();
  }

  @Override
  public String toString() {
    return dates.toString();
  }
}
