package io.opsflow.sla.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The values of the RRULE parts {@link RecurrenceRule#parse} reads: numbers, UNTIL and BYDAY. */
final class RecurrenceParts {
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

  private RecurrenceParts() {}

  static int positive(Map<String, String> parts, String name, int fallback) {
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

  static Instant until(String raw) {
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

  static List<RecurrenceRule.Day> days(String raw, RecurrenceRule.Freq freq) {
    List<RecurrenceRule.Day> out = new ArrayList<>();
    for (String item : raw.split(",")) {
      String s = item.trim().toUpperCase(Locale.ROOT);
      if (s.length() < 2 || !DAYS.containsKey(s.substring(s.length() - 2))) {
        throw new IllegalArgumentException(
            "BYDAY entry '" + item + "' is not a day such as MO or 1SU");
      }
      String ord = s.substring(0, s.length() - 2);
      int ordinal = 0;
      if (!ord.isEmpty()) {
        if (freq != RecurrenceRule.Freq.MONTHLY) {
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
      out.add(new RecurrenceRule.Day(ordinal, DAYS.get(s.substring(s.length() - 2))));
    }
    return List.copyOf(out);
  }
}
