package io.opsflow.sla.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The property lines of an iCalendar text for {@link IcsHolidays}: unfolded, split, dated. */
final class IcsLines {
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  /** One property line after unfolding, with the number of its first physical line. */
  record Line(int number, String name, String value) {}

  private IcsLines() {}

  static List<Line> unfold(String text) {
    List<Line> lines = new ArrayList<>();
    String[] physical = text.split("\r?\n", -1);
    int startNumber = 0;
    StringBuilder current = null;
    for (int i = 0; i <= physical.length; i++) {
      String raw = i < physical.length ? physical[i] : "";
      boolean continues = !raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t');
      if (continues && current != null) {
        current.append(raw, 1, raw.length());
        continue;
      }
      if (continues) {
        throw IcsHolidays.problem(i + 1, "continuation line with nothing before it");
      }
      if (current != null && !current.toString().isBlank()) {
        lines.add(parse(startNumber, current.toString()));
      }
      current = new StringBuilder(raw);
      startNumber = i + 1;
    }
    return lines;
  }

  static Line parse(int number, String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw IcsHolidays.problem(number, "expected NAME:value, got '" + text + "'");
    }
    String head = text.substring(0, colon);
    int semicolon = head.indexOf(';');
    String name = (semicolon < 0 ? head : head.substring(0, semicolon)).trim().toUpperCase();
    return new Line(number, name, text.substring(colon + 1).trim());
  }

  static LocalDate date(Line line) {
    String v = line.value;
    int t = v.indexOf('T');
    try {
      return LocalDate.parse(t < 0 ? v : v.substring(0, t), BASIC);
    } catch (DateTimeParseException e) {
      throw IcsHolidays.problem(
          line.number, line.name + ": '" + v + "' is not a date like 20261225");
    }
  }
}
