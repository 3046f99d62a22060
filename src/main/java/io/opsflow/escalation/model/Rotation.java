package io.opsflow.escalation.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * How a layer hands off: every day, every week on a given day, or every custom length (N days or a
 * {@link Duration}). Hand-offs are counted on the schedule's local clock: hand-off {@code k} is the
 * first hand-off plus {@code k} lengths in local date-time, so a daily 09:00 hand-off stays at
 * 09:00 local across DST and the shift spanning the change lasts 23 or 25 hours. A custom duration
 * is also added on the local clock (12-hour shifts at 08:00 and 20:00 stay there).
 *
 * @param type daily, weekly or custom
 * @param handoffTime the local time of day of each hand-off
 * @param handoffDay the day of week of the hand-off; weekly rotations only, otherwise null
 * @param days the length in days (daily 1, weekly 7, custom N), or 0 when {@code length} is used
 * @param length the custom length as a duration, or null when {@code days} is used
 */
public record Rotation(
    Type type, LocalTime handoffTime, DayOfWeek handoffDay, int days, Duration length) {

  /** The rotation types of a layer. */
  public enum Type {
    DAILY,
    WEEKLY,
    CUSTOM
  }

  public Rotation {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(handoffTime, "handoffTime");
    if (type == Type.WEEKLY) {
      Objects.requireNonNull(handoffDay, "a weekly rotation needs a hand-off day");
    } else if (handoffDay != null) {
      throw new IllegalArgumentException("only a weekly rotation has a hand-off day");
    }
    if ((days > 0) == (length != null)) {
      throw new IllegalArgumentException("a rotation has either a number of days or a duration");
    }
    if (days < 0 || (length != null && length.compareTo(Duration.ofMinutes(1)) < 0)) {
      throw new IllegalArgumentException("the rotation length must be at least one minute");
    }
  }

  public static Rotation daily(LocalTime handoffTime) {
    return new Rotation(Type.DAILY, handoffTime, null, 1, null);
  }

  public static Rotation weekly(DayOfWeek handoffDay, LocalTime handoffTime) {
    return new Rotation(Type.WEEKLY, handoffTime, handoffDay, 7, null);
  }

  public static Rotation everyDays(int days, LocalTime handoffTime) {
    if (days < 1) {
      throw new IllegalArgumentException("the rotation length must be at least one day");
    }
    return new Rotation(Type.CUSTOM, handoffTime, null, days, null);
  }

  public static Rotation every(Duration length, LocalTime handoffTime) {
    return new Rotation(Type.CUSTOM, handoffTime, null, 0, Objects.requireNonNull(length));
  }

  /** The first hand-off on or after the start date (for weekly: the first hand-off day). */
  LocalDateTime firstHandoff(LocalDate start) {
    LocalDate day =
        handoffDay == null ? start : start.with(TemporalAdjusters.nextOrSame(handoffDay));
    return day.atTime(handoffTime);
  }

  LocalDateTime handoff(LocalDateTime first, long k) {
    return length == null ? first.plusDays(k * days) : first.plus(length.multipliedBy(k));
  }

  /** An estimate of how many whole lengths lie between {@code first} and {@code local}. */
  long lengthsBetween(LocalDateTime first, LocalDateTime local) {
    long seconds = Duration.between(first, local).getSeconds();
    long lengthSeconds = length == null ? days * 86_400L : length.getSeconds();
    return Math.floorDiv(seconds, Math.max(1, lengthSeconds));
  }
}
