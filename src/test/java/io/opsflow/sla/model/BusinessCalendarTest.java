package io.opsflow.sla.model;

import static io.opsflow.sla.model.Calendars.BERLIN;
import static io.opsflow.sla.model.Calendars.NEW_YORK;
import static io.opsflow.sla.model.Calendars.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {
  private final BusinessCalendar office = Calendars.aBerlinOffice();

  @Test
  void fridayEveningCountsFromMondayMorning() {
    Instant friday18 = berlin("2026-03-06T18:00");

    assertThat(office.isOpen(friday18)).isFalse();
    assertThat(office.nextBusinessInstant(friday18)).isEqualTo(berlin("2026-03-09T09:00"));
    assertThat(office.add(friday18, Duration.ofHours(1))).isEqualTo(berlin("2026-03-09T10:00"));
    assertThat(office.between(friday18, berlin("2026-03-09T10:00"))).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aFullFrameEndsAtClosingTimeNotAtTheNextOpening() {
    assertThat(office.add(berlin("2026-03-09T09:00"), Duration.ofHours(8)))
        .isEqualTo(berlin("2026-03-09T17:00"));
    assertThat(office.isOpen(berlin("2026-03-09T17:00"))).isFalse();
    assertThat(office.isOpen(berlin("2026-03-09T16:59:59.999999999"))).isTrue();
  }

  @Test
  void addingZeroReturnsTheStartEvenWhenClosed() {
    Instant sunday = berlin("2026-03-08T12:00");

    assertThat(office.add(sunday, Duration.ZERO)).isEqualTo(sunday);
  }

  @Test
  void refusesANegativeAmountAndCountsBackwardsIntervalsNegative() {
    assertThatThrownBy(() -> office.add(berlin("2026-03-09T10:00"), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThat(office.between(berlin("2026-03-09T12:00"), berlin("2026-03-09T10:00")))
        .isEqualTo(Duration.ofHours(-2));
  }

  @Test
  void aHolidayOnAMondayHasNoWorkingTime() {
    BusinessCalendar withEasterMonday =
        Calendars.nineToFive(BERLIN, Holidays.of(LocalDate.parse("2026-04-06")));

    assertThat(withEasterMonday.add(berlin("2026-04-03T16:00"), Duration.ofHours(2)))
        .isEqualTo(berlin("2026-04-07T10:00"));
    assertThat(withEasterMonday.isOpen(berlin("2026-04-06T10:00"))).isFalse();
    assertThat(withEasterMonday.between(berlin("2026-04-03T00:00"), berlin("2026-04-08T00:00")))
        .isEqualTo(Duration.ofHours(16));
  }

  @Test
  void aLunchBreakIsNotWorkingTime() {
    BusinessCalendar lunch = Calendars.aLunchBreakOffice();

    assertThat(lunch.add(berlin("2026-03-09T11:30"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-09T13:30"));
    assertThat(lunch.isOpen(berlin("2026-03-09T12:30"))).isFalse();
    assertThat(lunch.nextBusinessInstant(berlin("2026-03-09T12:30")))
        .isEqualTo(berlin("2026-03-09T13:00"));
    assertThat(lunch.between(berlin("2026-03-09T00:00"), berlin("2026-03-10T00:00")))
        .isEqualTo(Duration.ofHours(7));
    assertThat(lunch.businessDay()).isEqualTo(Duration.ofHours(7));
  }

  @ParameterizedTest(name = "{0}: a 01:00-04:00 frame on {1} holds {2} real minutes")
  @CsvSource({
    "Europe/Berlin,    2026-03-22, 180",
    "Europe/Berlin,    2026-03-29, 120",
    "Europe/Berlin,    2026-10-25, 240",
    "Europe/Berlin,    2026-11-01, 180",
    "America/New_York, 2026-03-08, 120",
    "America/New_York, 2026-11-01, 240",
    "Australia/Lord_Howe, 2026-04-05, 210",
  })
  void aWallClockFrameOnTheNightOfAClockChange(String zone, LocalDate sunday, long minutes) {
    ZoneId id = ZoneId.of(zone);
    BusinessCalendar night = Calendars.aSundayNightShift(id);
    Instant saturday = sunday.minusDays(1).atStartOfDay(id).toInstant();
    Instant monday = sunday.plusDays(1).atStartOfDay(id).toInstant();

    assertThat(night.between(saturday, monday)).isEqualTo(Duration.ofMinutes(minutes));
    Instant end = night.add(saturday, Duration.ofMinutes(minutes));
    assertThat(end).isEqualTo(sunday.atTime(4, 0).atZone(id).toInstant());
  }

  @Test
  void springForwardInBerlinSkipsTheMissingHour() {
    BusinessCalendar night = Calendars.aSundayNightShift(BERLIN);

    assertThat(night.add(berlin("2026-03-29T01:30"), Duration.ofMinutes(45)))
        .isEqualTo(Instant.parse("2026-03-29T01:15:00Z")); // 03:15 CEST
    assertThat(night.isOpen(Instant.parse("2026-03-29T00:59:59Z"))).isTrue(); // 01:59:59 CET
    assertThat(night.isOpen(Instant.parse("2026-03-29T01:00:00Z"))).isTrue(); // 03:00 CEST
  }

  @Test
  void fallBackInNewYorkCountsTheRepeatedHourTwice() {
    BusinessCalendar night = Calendars.aSundayNightShift(NEW_YORK);
    Instant firstOneThirty = Instant.parse("2026-11-01T05:30:00Z"); // 01:30 EDT
    Instant secondOneThirty = Instant.parse("2026-11-01T06:30:00Z"); // 01:30 EST

    assertThat(night.isOpen(firstOneThirty)).isTrue();
    assertThat(night.isOpen(secondOneThirty)).isTrue();
    assertThat(night.add(firstOneThirty, Duration.ofHours(1))).isEqualTo(secondOneThirty);
    assertThat(night.between(firstOneThirty, Instant.parse("2026-11-01T09:00:00Z")))
        .isEqualTo(Duration.ofMinutes(210));
  }

  @Test
  void aFrameInsideTheSpringGapHasNoTime() {
    BusinessCalendar gap =
        BusinessCalendar.of(
            BERLIN,
            WeeklyHours.of(
                Map.of(
                    DayOfWeek.SUNDAY,
                    List.of(WorkingFrame.of("02:00", "03:00"), WorkingFrame.of("05:00", "06:00")))),
            Holidays.none());

    assertThat(gap.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
        .isEqualTo(Duration.ofHours(1));
    assertThat(gap.nextBusinessInstant(berlin("2026-03-29T00:00")))
        .isEqualTo(berlin("2026-03-29T05:00"));
  }

  @Test
  void roundTheClockOneHourIsOneRealHourAcrossBothChanges() {
    BusinessCalendar always = BusinessCalendar.alwaysOpen(BERLIN);
    Instant beforeSpring = berlin("2026-03-29T01:30");
    Instant beforeAutumn = berlin("2026-10-25T02:30"); // the first 02:30, CEST

    assertThat(always.add(beforeSpring, Duration.ofHours(1)))
        .isEqualTo(beforeSpring.plus(Duration.ofHours(1)));
    assertThat(always.add(beforeAutumn, Duration.ofHours(1)))
        .isEqualTo(beforeAutumn.plus(Duration.ofHours(1)));
    assertThat(always.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
        .isEqualTo(Duration.ofHours(25));
    assertThat(always.businessDay()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void longDurationsAreExactAndQuick() {
    BusinessCalendar withHolidays =
        Calendars.nineToFive(
            BERLIN, Holidays.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));
    Instant start = berlin("2026-01-05T09:00");

    assertThat(withHolidays.add(start, Duration.ofHours(32))).isEqualTo(berlin("2026-01-08T17:00"));
    Instant tenYears = withHolidays.add(start, Duration.ofHours(8L * 5 * 52 * 10));
    assertThat(withHolidays.between(start, tenYears)).isEqualTo(Duration.ofHours(8L * 5 * 52 * 10));
    // 2026 has 261 weekdays; two of them are holidays; 2026-01-01 and -02 are before the start
    assertThat(withHolidays.between(start, berlin("2027-01-01T00:00")))
        .isEqualTo(Duration.ofHours(8L * (261 - 2 - 2)));
  }

  @Test
  void refusesOverlappingFramesAWeekWithoutWorkAndFramesOverMidnight() {
    assertThatThrownBy(
            () ->
                WeeklyHours.mondayToFriday(
                    WorkingFrame.of("09:00", "13:00"), WorkingFrame.of("12:00", "17:00")))
        .hasMessage("MONDAY: frames 09:00-13:00 and 12:00-17:00 overlap");
    assertThatThrownBy(() -> WeeklyHours.of(Map.of()))
        .hasMessage("a calendar needs working time on at least one day");
    assertThatThrownBy(() -> WorkingFrame.parse("22:00-06:00"))
        .hasMessageContaining("must end after it starts, on the same day");
    assertThat(WorkingFrame.parse("18:00-24:00").length()).isEqualTo(Duration.ofHours(6));
  }
}
