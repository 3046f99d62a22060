package io.opsflow.sla.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

  private static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "MO", DayOfWeek.MONDAY,
          "TU", DayOfWeek.TUESDAY,
          "WE", DayOfWeek.WEDNESDAY,
          "TH", DayOfWeek.THURSDAY,
          "FR", DayOfWeek.FRIDAY,
          "SA", DayOfWeek.SATURDAY,
          "SU", DayOfWeek.SUNDAY);
  private static final DateTimeFormatter BASIC_UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

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
    int interval = positive(parts, "INTERVAL", 1);
    Integer count = parts.containsKey("COUNT") ? positive(parts, "COUNT", 1) : null;
    Instant until = parts.containsKey("UNTIL") ? until(parts.get("UNTIL")) : null;
    if (count != null && until != null) {
      throw new IllegalArgumentException("COUNT and UNTIL cannot both be given");
    }
    List<Day> days = parts.containsKey("BYDAY") ? days(parts.get("BYDAY"), freq) : List.of();
    return new RecurrenceRule(freq, interval, days, count, until, text.trim());
  }

  private static int positive(Map<String, String> parts, String name, int fallback) {
    String raw = parts.get(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n > 0 && n <= 10_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number from 1 to 10000");
  }

  private static Instant until(String raw) {
    try {
      return LocalDateTime.parse(raw, BASIC_UTC).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(raw);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(
            "UNTIL must be a UTC time such as 20261231T235959Z or 2026-12-31T23:59:59Z");
      }
    }
  }

  private static List<Day> days(String raw, Freq freq) {
    List<Day> out = new ArrayList<>();
    for (String item : raw.split(",")) {
      String s = item.trim().toUpperCase(Locale.ROOT);
      if (s.length() < 2 || !DAYS.containsKey(s.substring(s.length() - 2))) {
        throw new IllegalArgumentException(
            "BYDAY entry '" + item + "' is not a day such as MO or 1SU");
      }
      String ord = s.substring(0, s.length() - 2);
      int ordinal = 0;
      if (!ord.isEmpty()) {
        if (freq != Freq.MONTHLY) {
          throw new IllegalArgumentException("BYDAY ordinals such as 1SU need FREQ=MONTHLY");
        }
        try {
          ordinal = Integer.parseInt(ord.startsWith("+") ? ord.substring(1) : ord);
        } catch (NumberFormatException e) {
          ordinal = 99;
        }
        if (ordinal == 0 || Math.abs(ordinal) > 5) {
          throw new IllegalArgumentException(
              "BYDAY ordinal in '" + item + "' must be 1..5 or -1..-5");
        }
      }
      out.add(new Day(ordinal, DAYS.get(s.substring(s.length() - 2))));
    }
    return List.copyOf(out);
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
