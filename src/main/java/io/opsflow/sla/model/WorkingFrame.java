package io.opsflow.sla.model;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One stretch of working time within a day, in wall-clock time: from {@code start} (inclusive) to
 * {@code end} (exclusive). A frame may not cross midnight; an {@code end} of 00:00 means the end of
 * the day (24:00), so {@code 00:00-24:00} is a whole day.
 */
public record WorkingFrame(LocalTime start, LocalTime end) {
  static final long DAY_NANOS = Duration.ofDays(1).toNanos();

  public WorkingFrame {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
      throw new IllegalArgumentException(
          "working frame " + start + "-" + end + " must end after it starts, on the same day");
    }
  }

  public static WorkingFrame of(String start, String end) {
    return new WorkingFrame(LocalTime.parse(start), parseEnd(end));
  }

  /** Parses {@code 09:00-17:00}; {@code 24:00} is accepted as the end of the day. */
  public static WorkingFrame parse(String text) {
    String[] parts = text.trim().split("\\s*-\\s*", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("'" + text + "' is not a frame like 09:00-17:00");
    }
    try {
      return new WorkingFrame(LocalTime.parse(parts[0]), parseEnd(parts[1]));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a frame like 09:00-17:00", e);
    }
  }

  private static LocalTime parseEnd(String end) {
    return end.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(end);
  }

  public static WorkingFrame wholeDay() {
    return new WorkingFrame(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
  }

  long startNanos() {
    return start.toNanoOfDay();
  }

  /** Nanoseconds from midnight to the end, up to a whole day. */
  long endNanos() {
    return end.equals(LocalTime.MIDNIGHT) ? DAY_NANOS : end.toNanoOfDay();
  }

  /** The nominal length, as the wall clock reads it. */
  public Duration length() {
    return Duration.ofNanos(endNanos() - startNanos());
  }

  boolean overlaps(WorkingFrame other) {
    return startNanos() < other.endNanos() && other.startNanos() < endNanos();
  }

  @Override
  public String toString() {
    return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
  }
}
