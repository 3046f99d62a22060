package io.opsflow.sla.model;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the days of the VEVENTs of an iCalendar (RFC 5545) text: DTSTART, DTEND and a yearly RRULE;
 * every other property is ignored. Problems name the (unfolded) line they start on.
 */
final class IcsHolidays {
  private final Year until;
  private final List<LocalDate> dates = new ArrayList<>();

  IcsHolidays(String text, Year until) {
    this.until = until;
    Map<String, IcsLines.Line> event = null;
    int begun = 0;
    for (IcsLines.Line line : IcsLines.unfold(text)) {
      if (line.name().equals("BEGIN") && line.value().equalsIgnoreCase("VEVENT")) {
        if (event != null) {
          throw problem(line.number(), "VEVENT begun at line " + begun + " is not ended");
        }
        event = new HashMap<>();
        begun = line.number();
      } else if (line.name().equals("END") && line.value().equalsIgnoreCase("VEVENT")) {
        if (event == null) {
          throw problem(line.number(), "END:VEVENT without BEGIN:VEVENT");
        }
        addEvent(begun, event);
        event = null;
      } else if (event != null) {
        event.putIfAbsent(line.name(), line);
      }
    }
    if (event != null) {
      throw problem(begun, "VEVENT is not ended");
    }
  }

  List<LocalDate> dates() {
    return dates;
  }

  private void addEvent(int begun, Map<String, IcsLines.Line> event) {
    IcsLines.Line startLine = event.get("DTSTART");
    if (startLine == null) {
      throw problem(begun, "VEVENT without DTSTART");
    }
    LocalDate start = IcsLines.date(startLine);
    int days = 1;
    IcsLines.Line endLine = event.get("DTEND");
    if (endLine != null) {
      LocalDate end = IcsLines.date(endLine);
      boolean dateTimeWithinDay =
          endLine.value().contains("T") && !endLine.value().matches(".*T0{6}Z?$");
      days = (int) ChronoUnit.DAYS.between(start, end);
      if (dateTimeWithinDay) {
        days++;
      }
      if (days < 1) {
        throw problem(endLine.number(), "DTEND " + endLine.value() + " is not after DTSTART");
      }
    }
    IcsLines.Line rule = event.get("RRULE");
    List<LocalDate> starts = rule == null ? List.of(start) : new YearlyRule(rule).starts(start);
    for (LocalDate s : starts) {
      for (int d = 0; d < days; d++) {
        dates.add(s.plusDays(d));
      }
    }
  }

  static IcsFormatException problem(int line, String reason) {
    return new IcsFormatException(line, reason);
  }

  /** {@code FREQ=YEARLY} with optional INTERVAL, COUNT and UNTIL; nothing else is understood. */
  private final class YearlyRule {
    private int interval = 1;
    private int count = Integer.MAX_VALUE;
    private LocalDate last;

    YearlyRule(IcsLines.Line line) {
      boolean yearly = false;
      for (String part : line.value().split(";")) {
        String[] kv = part.split("=", 2);
        String key = kv[0].trim().toUpperCase();
        String value = kv.length == 2 ? kv[1].trim() : "";
        try {
          switch (key) {
            case "FREQ" -> yearly = value.equalsIgnoreCase("YEARLY");
            case "INTERVAL" -> interval = Integer.parseInt(value);
            case "COUNT" -> count = Integer.parseInt(value);
            case "UNTIL" -> last = IcsLines.date(new IcsLines.Line(line.number(), "UNTIL", value));
            default -> throw problem(line.number(), "RRULE part " + key + " is not supported");
          }
        } catch (NumberFormatException e) {
          throw problem(line.number(), "RRULE " + key + ": '" + value + "' is not a number");
        }
      }
      if (!yearly || interval < 1 || count < 1) {
        throw problem(
            line.number(), "only RRULE:FREQ=YEARLY is supported, got '" + line.value() + "'");
      }
    }

    /** The starts of the occurrences, up to the horizon (ten years after the first by default). */
    List<LocalDate> starts(LocalDate first) {
      int horizon = until != null ? until.getValue() : first.getYear() + 10;
      MonthDay monthDay = MonthDay.from(first);
      List<LocalDate> starts = new ArrayList<>();
      for (int y = first.getYear(); y <= horizon && starts.size() < count; y += interval) {
        if (!monthDay.isValidYear(y)) {
          continue;
        }
        LocalDate occurrence = monthDay.atYear(y);
        if (last != null && occurrence.isAfter(last)) {
          break;
        }
        starts.add(occurrence);
      }
      return starts;
    }
  }
}
