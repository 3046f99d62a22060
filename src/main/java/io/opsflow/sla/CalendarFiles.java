package io.opsflow.sla;

import io.opsflow.config.LinedYaml;
import io.opsflow.config.LinedYaml.Mapping;
import io.opsflow.config.LinedYaml.Node;
import io.opsflow.config.LinedYaml.Scalar;
import io.opsflow.config.LinedYaml.Sequence;
import io.opsflow.config.Problems;
import io.opsflow.sla.model.BusinessCalendar;
import io.opsflow.sla.model.Holidays;
import io.opsflow.sla.model.IcsFormatException;
import io.opsflow.sla.model.WeeklyHours;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads business calendars from a YAML file ({@code calendars:} followed by a list, see {@code
 * sla/calendars.yaml}): id, IANA {@code timeZone}, {@code hours} per weekday, {@code holidays} as
 * dates and {@code holidaysFile}, an iCalendar file relative to the YAML file. All or nothing: the
 * calendars, or the problems as {@code file:line: reason}.
 */
public final class CalendarFiles {
  private static final List<String> FIELDS =
      List.of("id", "timeZone", "hours", "holidays", "holidaysFile");

  /** The calendars by id, in file order, or the problems that refused them (then none). */
  public record Result(Map<String, BusinessCalendar> calendars, List<String> problems) {
    public Result {
      calendars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(calendars));
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private CalendarFiles() {}

  public static Result load(Path file) throws IOException {
    List<String> found = new ArrayList<>();
    Problems problems = new Problems(file, found);
    Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
    Node root;
    try {
      root = LinedYaml.read(file);
    } catch (LinedYaml.Malformed e) {
      problems.add(e.line(), "not valid YAML: " + e.getMessage());
      return new Result(Map.of(), found);
    }
    Node list = root instanceof Mapping map ? map.entries().get("calendars") : null;
    if (!(list instanceof Sequence seq)) {
      problems.add(root == null ? 0 : root.line(), "expected 'calendars:' followed by a list");
      return new Result(Map.of(), found);
    }
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (Node item : seq.items()) {
      if (!(item instanceof Mapping calendar)) {
        problems.add(item.line(), "a calendar must be a mapping with id, timeZone and hours");
        continue;
      }
      String id = text(calendar, "id", problems);
      BusinessCalendar read = calendar(calendar, problems);
      if (id != null && lines.putIfAbsent(id, calendar.lineOf("id")) != null) {
        problems.add(
            calendar.lineOf("id"),
            "calendar '" + id + "' is already defined at line " + lines.get(id));
      } else if (id != null && read != null) {
        calendars.put(id, read);
      }
    }
    return found.isEmpty() ? new Result(calendars, found) : new Result(Map.of(), found);
  }

  private static BusinessCalendar calendar(Mapping item, Problems problems) {
    item.entries().keySet().stream()
        .filter(k -> !FIELDS.contains(k))
        .forEach(
            k ->
                problems.add(
                    item.lineOf(k), "unknown field '" + k + "' (expected one of " + FIELDS + ")"));
    ZoneId zone = zone(item, problems);
    Node hoursNode = item.entries().get("hours");
    WeeklyHours hours = null;
    if (hoursNode == null) {
      problems.add(item.line(), "missing field 'hours'");
    } else {
      hours = HoursReader.read(hoursNode, item.lineOf("hours"), problems);
    }
    Holidays holidays =
        HolidayReader.dates(item, problems).plus(HolidayReader.file(item, problems));
    return zone == null || hours == null ? null : BusinessCalendar.of(zone, hours, holidays);
  }

  private static ZoneId zone(Mapping item, Problems problems) {
    String text = text(item, "timeZone", problems);
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      problems.add(
          item.lineOf("timeZone"),
          "unknown time zone '" + text + "' (expected an IANA id like Europe/Berlin)");
      return null;
    }
  }

  /** A required single value, or null after reporting why not. */
  static String text(Mapping item, String key, Problems problems) {
    Node value = item.entries().get(key);
    if (value == null || value instanceof Scalar s && s.text() == null) {
      problems.add(item.line(), "missing field '" + key + "'");
      return null;
    }
    if (!(value instanceof Scalar s)) {
      problems.add(item.lineOf(key), "'" + key + "' must be a single value");
      return null;
    }
    return s.text();
  }

  /** Holidays given in the calendar: dates, and an iCalendar file. */
  private static final class HolidayReader {
    static Holidays dates(Mapping item, Problems problems) {
      Node node = item.entries().get("holidays");
      if (node == null) {
        return Holidays.none();
      }
      if (!(node instanceof Sequence list)) {
        problems.add(item.lineOf("holidays"), "'holidays' must list dates like 2026-12-24");
        return Holidays.none();
      }
      List<LocalDate> dates = new ArrayList<>();
      for (Node d : list.items()) {
        try {
          dates.add(LocalDate.parse(((Scalar) d).text()));
        } catch (RuntimeException e) {
          problems.add(d.line(), "'holidays': a date like 2026-12-24 expected");
        }
      }
      return Holidays.of(dates);
    }

    static Holidays file(Mapping item, Problems problems) {
      if (!item.entries().containsKey("holidaysFile")) {
        return Holidays.none();
      }
      String name = text(item, "holidaysFile", problems);
      if (name == null) {
        return Holidays.none();
      }
      Path dir = problems.file().toAbsolutePath().getParent();
      Path ics = dir.resolve(name);
      try {
        return Holidays.fromIcs(Files.readString(ics));
      } catch (IOException e) {
        problems.add(item.lineOf("holidaysFile"), "cannot read holidays file " + name + ": " + e);
      } catch (IcsFormatException e) {
        problems.add(
            item.lineOf("holidaysFile"),
            "holidays file " + name + ":" + e.line() + ": " + e.reason());
      }
      return Holidays.none();
    }
  }
}
