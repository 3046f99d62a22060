package io.opsflow.sla.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The working frames of each day of the week, in wall-clock time: sorted, not overlapping (frames
 * may touch: 09:00-12:00 and 12:00-13:00), zero or more per day, at least one in the week.
 */
public final class WeeklyHours {
  /** A stretch of local (wall-clock) time, {@code [start, end)}. */
  record LocalRange(LocalDateTime start, LocalDateTime end) {}

  private final Map<DayOfWeek, List<WorkingFrame>> frames;
  private final Duration week;
  private final Duration longestDay;

  private WeeklyHours(Map<DayOfWeek, List<WorkingFrame>> byDay) {
    Map<DayOfWeek, List<WorkingFrame>> copy = new EnumMap<>(DayOfWeek.class);
    Duration total = Duration.ZERO;
    Duration longest = Duration.ZERO;
    for (DayOfWeek day : DayOfWeek.values()) {
      List<WorkingFrame> sorted = new ArrayList<>(byDay.getOrDefault(day, List.of()));
      sorted.sort(Comparator.comparingLong(WorkingFrame::startNanos));
      Duration dayTotal = Duration.ZERO;
      for (int i = 0; i < sorted.size(); i++) {
        if (i > 0 && sorted.get(i - 1).overlaps(sorted.get(i))) {
          throw new IllegalArgumentException(
              day + ": frames " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
        }
        dayTotal = dayTotal.plus(sorted.get(i).length());
      }
      copy.put(day, List.copyOf(sorted));
      total = total.plus(dayTotal);
      longest = dayTotal.compareTo(longest) > 0 ? dayTotal : longest;
    }
    if (total.isZero()) {
      throw new IllegalArgumentException("a calendar needs working time on at least one day");
    }
    this.frames = copy;
    this.week = total;
    this.longestDay = longest;
  }

  /**
   * The given frames per day; days not named have none.
   *
   * @throws IllegalArgumentException when frames of a day overlap or the week has no working time
   */
  public static WeeklyHours of(Map<DayOfWeek, List<WorkingFrame>> byDay) {
    return new WeeklyHours(byDay);
  }

  /** The same frames on each of {@code days}. */
  public static WeeklyHours on(List<DayOfWeek> days, WorkingFrame... dayFrames) {
    Map<DayOfWeek, List<WorkingFrame>> byDay = new EnumMap<>(DayOfWeek.class);
    days.forEach(d -> byDay.put(d, List.of(dayFrames)));
    return new WeeklyHours(byDay);
  }

  /** Monday to Friday with the given frames, e.g. {@code mondayToFriday(of("09:00","17:00"))}. */
  public static WeeklyHours mondayToFriday(WorkingFrame... dayFrames) {
    return on(List.of(DayOfWeek.values()).subList(0, 5), dayFrames);
  }

  /** Every day, all day. */
  public static WeeklyHours allDay() {
    return on(List.of(DayOfWeek.values()), WorkingFrame.wholeDay());
  }

  public List<WorkingFrame> frames(DayOfWeek day) {
    return frames.get(day);
  }

  /** The nominal working time of a whole week, holidays and clock changes aside. */
  public Duration week() {
    return week;
  }

  /** The working time of the longest weekday: what "one business day" means. */
  public Duration longestDay() {
    return longestDay;
  }

  /**
   * The first working range in local time at or after {@code from} and before {@code limit} (null:
   * no limit), clipped to both; null when there is none before the limit.
   */
  LocalRange next(LocalDateTime from, LocalDateTime limit, Holidays holidays) {
    for (LocalDate d = from.toLocalDate();
        limit == null || d.atStartOfDay().isBefore(limit);
        d = d.plusDays(1)) {
      if (holidays.contains(d)) {
        continue;
      }
      for (WorkingFrame f : frames.get(d.getDayOfWeek())) {
        LocalDateTime start = d.atStartOfDay().plusNanos(f.startNanos());
        LocalDateTime end = d.atStartOfDay().plusNanos(f.endNanos());
        if (!end.isAfter(from)) {
          continue;
        }
        start = start.isBefore(from) ? from : start;
        if (limit != null && !start.isBefore(limit)) {
          return null;
        }
        return new LocalRange(start, limit != null && end.isAfter(limit) ? limit : end);
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeeklyHours other && frames.equals(other.frames);
  }

  @Override
  public int hashCode() {
    return frames.hashCode();
  }

  @Override
  public String toString() {
    return frames.toString();
  }
}
