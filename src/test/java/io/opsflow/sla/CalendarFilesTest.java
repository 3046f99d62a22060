package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.sla.CalendarFiles.Result;
import io.opsflow.sla.model.BusinessCalendar;
import io.opsflow.sla.model.WorkingFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarFilesTest {
  @TempDir Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("calendars.yaml"), yaml);
  }

  @Test
  void loadsTheShippedExampleWithItsHolidayFile() throws IOException {
    Result result = CalendarFiles.load(Path.of("sla/calendars.yaml"));

    assertThat(result.problems()).isEmpty();
    BusinessCalendar berlin = result.calendars().get("berlin-office");
    assertThat(berlin.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(berlin.hours().frames(DayOfWeek.FRIDAY))
        .containsExactly(WorkingFrame.of("09:00", "12:00"), WorkingFrame.of("13:00", "17:00"));
    assertThat(berlin.hours().frames(DayOfWeek.SATURDAY)).isEmpty();
    assertThat(berlin.holidays().dates())
        .contains(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-04-06"))
        .contains(LocalDate.parse("2030-12-25")); // yearly events repeat
    assertThat(
            berlin.isOpen(
                LocalDateTime.parse("2026-04-06T10:00").atZone(berlin.zone()).toInstant()))
        .isFalse();
    assertThat(result.calendars().get("new-york-support").businessDay())
        .isEqualTo(Duration.ofHours(10));
  }

  @Test
  void refusesBadZonesUnknownDaysOverlapsAndBadFramesWithTheirLines() throws IOException {
    Path bad =
        file(
            """
            calendars:
              - id: a
                timeZone: Europe/Berln
                hours:
                  monday: ["09:00-17:00"]
              - id: b
                timeZone: UTC
                hours:
                  mon-fri: ["09:00-13:00", "12:00-17:00"]
              - id: c
                timeZone: UTC
                hours:
                  all: ["22:00-06:00"]
                  sat: []
                colour: blue
            """);

    Result result = CalendarFiles.load(bad);

    assertThat(result.ok()).isFalse();
    assertThat(result.calendars()).isEmpty();
    assertThat(result.problems())
        .containsExactly(
            bad + ":3: unknown time zone 'Europe/Berln' (expected an IANA id like Europe/Berlin)",
            bad + ":5: unknown weekday 'monday' (expected mon..sun, a range like mon-fri, or all)",
            bad + ":9: MONDAY: frames 09:00-13:00 and 12:00-17:00 overlap",
            bad
                + ":15: unknown field 'colour' (expected one of "
                + "[id, timeZone, hours, holidays, holidaysFile])",
            bad + ":13: 'all': working frame 22:00-06:00 must end after it starts, on the same day",
            bad + ":14: 'sat' gives sat again, after 'all'");
  }

  @Test
  void refusesACalendarWithoutHoursAndADuplicateId() throws IOException {
    Path bad =
        file(
            """
            calendars:
              - id: closed
                timeZone: UTC
                hours:
                  mon-sun: []
              - id: closed
                timeZone: UTC
                hours: {all: ["00:00-24:00"]}
              - id: nohours
                timeZone: UTC
            """);

    assertThat(CalendarFiles.load(bad).problems())
        .containsExactly(
            bad + ":4: a calendar needs working time on at least one day",
            bad + ":6: calendar 'closed' is already defined at line 2",
            bad + ":9: missing field 'hours'");
  }

  @Test
  void reportsAHolidayFileProblemWithBothFilesAndLines() throws IOException {
    Files.writeString(dir.resolve("bad.ics"), "BEGIN:VEVENT\nDTSTART:2026-12-25\nEND:VEVENT\n");
    Path bad =
        file(
            """
            calendars:
              - id: x
                timeZone: UTC
                hours: {mon-fri: ["09:00-17:00"]}
                holidays: [2026-12-24, tomorrow]
                holidaysFile: bad.ics
            """);

    assertThat(CalendarFiles.load(bad).problems())
        .containsExactly(
            bad + ":5: 'holidays': a date like 2026-12-24 expected",
            bad + ":6: holidays file bad.ics:2: DTSTART: '2026-12-25' is not a date like 20261225");
  }

  @Test
  void reportsMalformedYamlAtItsLine() throws IOException {
    Path bad = file("calendars:\n  - id: x\n    id: y\n");

    assertThat(CalendarFiles.load(bad).problems())
        .containsExactly(bad + ":3: not valid YAML: key 'id' appears twice");
  }
}
