package io.opsflow.sla.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Test fixtures: calendars named by intent. */
public final class Calendars {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private Calendars() {}

  /** Monday to Friday, 09:00-17:00. */
  static BusinessCalendar nineToFive(ZoneId zone, Holidays holidays) {
    return BusinessCalendar.of(
        zone, WeeklyHours.mondayToFriday(WorkingFrame.of("09:00", "17:00")), holidays);
  }

  public static BusinessCalendar aBerlinOffice() {
    return nineToFive(BERLIN, Holidays.none());
  }

  /** Monday to Friday, 09:00-12:00 and 13:00-17:00. */
  public static BusinessCalendar aLunchBreakOffice() {
    return BusinessCalendar.of(
        BERLIN,
        WeeklyHours.mondayToFriday(
            WorkingFrame.of("09:00", "12:00"), WorkingFrame.of("13:00", "17:00")),
        Holidays.none());
  }

  /** Only Sunday night 01:00-04:00, where the clocks change. */
  public static BusinessCalendar aSundayNightShift(ZoneId zone) {
    return BusinessCalendar.of(
        zone,
        WeeklyHours.of(Map.of(DayOfWeek.SUNDAY, List.of(WorkingFrame.of("01:00", "04:00")))),
        Holidays.none());
  }

  /** A wall-clock reading in {@code zone} (the earlier one when read twice). */
  static Instant at(ZoneId zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  static Instant berlin(String localDateTime) {
    return at(BERLIN, localDateTime);
  }
}
