package io.opsflow.sla;

import io.opsflow.config.LinedYaml.Mapping;
import io.opsflow.config.LinedYaml.Node;
import io.opsflow.config.LinedYaml.Scalar;
import io.opsflow.config.LinedYaml.Sequence;
import io.opsflow.config.Problems;
import io.opsflow.sla.model.WeeklyHours;
import io.opsflow.sla.model.WorkingFrame;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code hours:}: keys {@code mon}..{@code sun}, ranges such as {@code mon-fri}, or {@code
 * all}; values lists of frames such as {@code "09:00-17:00"}. Problems go to {@code report} with
 * their line; the result is null when there was any.
 */
final class HoursReader {
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private HoursReader() {}

  static WeeklyHours read(Node node, int keyLine, Problems report) {
    if (!(node instanceof Mapping hours)) {
      report.add(node.line(), "'hours' must map weekdays to frames, e.g. mon-fri: [09:00-17:00]");
      return null;
    }
    int before = report.count();
    Map<DayOfWeek, List<WorkingFrame>> byDay = new EnumMap<>(DayOfWeek.class);
    Map<DayOfWeek, String> givenBy = new EnumMap<>(DayOfWeek.class);
    hours
        .entries()
        .forEach(
            (key, value) -> {
              int line = hours.lineOf(key);
              List<DayOfWeek> days = days(key);
              if (days == null) {
                report.add(
                    line,
                    "unknown weekday '"
                        + key
                        + "' (expected mon..sun, a range like mon-fri, or all)");
                return;
              }
              List<WorkingFrame> frames = frames(key, value, report);
              for (DayOfWeek day : days) {
                String earlier = givenBy.putIfAbsent(day, key);
                if (earlier != null) {
                  report.add(
                      line, "'" + key + "' gives " + name(day) + " again, after '" + earlier + "'");
                }
                byDay.put(day, frames);
              }
            });
    if (report.count() > before) {
      return null;
    }
    try {
      return WeeklyHours.of(byDay);
    } catch (IllegalArgumentException e) {
      report.add(lineOfDay(e.getMessage(), givenBy, hours, keyLine), e.getMessage());
      return null;
    }
  }

  private static List<WorkingFrame> frames(String key, Node value, Problems report) {
    List<WorkingFrame> frames = new ArrayList<>();
    if (value instanceof Scalar s && s.text() == null) {
      return frames;
    }
    if (!(value instanceof Sequence list)) {
      report.add(value.line(), "'" + key + "' must list frames, e.g. [\"09:00-17:00\"]");
      return frames;
    }
    for (Node item : list.items()) {
      try {
        if (!(item instanceof Scalar s) || s.text() == null) {
          throw new IllegalArgumentException("a frame must be a single value like 09:00-17:00");
        }
        frames.add(WorkingFrame.parse(s.text()));
      } catch (IllegalArgumentException e) {
        report.add(item.line(), "'" + key + "': " + e.getMessage());
      }
    }
    return frames;
  }

  /** The line of the key giving the day a message starts with ("MONDAY: ..."), else keyLine. */
  private static int lineOfDay(
      String message, Map<DayOfWeek, String> givenBy, Mapping hours, int keyLine) {
    for (Map.Entry<DayOfWeek, String> e : givenBy.entrySet()) {
      if (message.startsWith(e.getKey() + ":")) {
        return hours.lineOf(e.getValue());
      }
    }
    return keyLine;
  }

  /** The days of a key, or null when it names none. */
  static List<DayOfWeek> days(String key) {
    String k = key.trim().toLowerCase();
    if (k.equals("all")) {
      return List.of(DayOfWeek.values());
    }
    String[] ends = k.split("-", -1);
    if (ends.length > 2) {
      return null;
    }
    int from = DAYS.indexOf(ends[0]);
    int to = DAYS.indexOf(ends[ends.length - 1]);
    if (from < 0 || to < 0 || to < from) {
      return null;
    }
    List<DayOfWeek> days = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      days.add(DayOfWeek.of(i + 1));
    }
    return days;
  }

  private static String name(DayOfWeek day) {
    return DAYS.get(day.ordinal());
  }
}
