package io.opsflow.sla.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The parsed RRULE subset: FREQ, INTERVAL, BYDAY, COUNT, UNTIL. */
public record RecurrenceRule(
    Freq freq, int interval, List<Day> byDay, Integer count, Instant until, String text) {

  public enum Freq {
    DAILY,
    WEEKLY,
    MONTHLY
  }

  /** A BYDAY entry; ordinal 0 means every such weekday, 1 the first, -1 the last (MONTHLY only). */
  public record Day(int ordinal, DayOfWeek day) {}

  /**
   * @throws IllegalArgumentException naming the part that is wrong or outside the subset
   */
  public static RecurrenceRule parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("rrule is empty");
    }
    String body = text.trim();
    if (body.regionMatches(true, 0, "RRULE:", 0, 6)) {
      body = body.substring(6);
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : body.split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("rrule part '" + part + "' is not NAME=VALUE");
      }
      String name = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      if (parts.put(name, part.substring(eq + 1).trim()) != null) {
        throw new IllegalArgumentException("rrule part " + name + " appears twice");
      }
    }
    for (String name : parts.keySet()) {
      if (!List.of("FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL", "WKST").contains(name)) {
        throw new IllegalArgumentException(
            "rrule part " + name + " is not supported (FREQ, INTERVAL, BYDAY, COUNT, UNTIL)");
      }
    }
    if (parts.containsKey("WKST") && !"MO".equalsIgnoreCase(parts.get("WKST"))) {
      throw new IllegalArgumentException("only WKST=MO is supported");
    }
    Freq freq;
    try {
      freq = Freq.valueOf(parts.getOrDefault("FREQ", "").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("FREQ must be DAILY, WEEKLY or MONTHLY");
    }
    int interval = RecurrenceParts.positive(parts, "INTERVAL", 1);
    Integer count = parts.containsKey("COUNT") ? RecurrenceParts.positive(parts, "COUNT", 1) : null;
    Instant until = parts.containsKey("UNTIL") ? RecurrenceParts.until(parts.get("UNTIL")) : null;
    if (count != null && until != null) {
      throw new IllegalArgumentException("COUNT and UNTIL cannot both be given");
    }
    List<Day> days =
        parts.containsKey("BYDAY") ? RecurrenceParts.days(parts.get("BYDAY"), freq) : List.of();
    return new RecurrenceRule(freq, interval, days, count, until, text.trim());
  }

  boolean matchesWeekday(DayOfWeek dow) {
    return byDay.stream().anyMatch(d -> d.day() == dow);
  }

  /** The dates of a month (given by its first day): BYDAY days, or DTSTART's day of month. */
  List<LocalDate> datesInMonth(LocalDate first, int dayOfMonth) {
    List<LocalDate> out = new ArrayList<>();
    if (byDay.isEmpty()) {
      if (dayOfMonth <= first.lengthOfMonth()) {
        out.add(first.withDayOfMonth(dayOfMonth));
      }
      return out;
    }
    for (LocalDate d = first; d.getMonth() == first.getMonth(); d = d.plusDays(1)) {
      for (Day day : byDay) {
        if (day.day() == d.getDayOfWeek() && (day.ordinal() == 0 || nth(d, day.ordinal()))) {
          out.add(d);
          break;
        }
      }
    }
    return out;
  }

  private static boolean nth(LocalDate d, int ordinal) {
    LocalDate target = d.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, d.getDayOfWeek()));
    return target.equals(d) && target.getMonth() == d.getMonth();
  }
}
