package io.opsflow.sla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import org.junit.jupiter.api.Test;

class HolidaysTest {
  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void readsAllDayEventsMultiDayEventsAndDateTimes() {
    Holidays holidays =
        Holidays.fromIcs(
            """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20261225
            SUMMARY:Christmas
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20261228
            DTEND;VALUE=DATE:20261231
            SUMMARY:Between the years (DTEND is exclusive)
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;TZID=Europe/Berlin:20260814T090000
            DTEND;TZID=Europe/Berlin:20260814T170000
            SUMMARY:Company day
            END:VEVENT
            END:VCALENDAR
            """);

    assertThat(holidays.dates())
        .containsExactly(
            d("2026-08-14"), d("2026-12-25"), d("2026-12-28"), d("2026-12-29"), d("2026-12-30"));
  }

  @Test
  void repeatsYearlyEventsUpToTheHorizon() {
    String ics =
        """
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20241003
        RRULE:FREQ=YEARLY
        END:VEVENT
        """;

    assertThat(Holidays.fromIcs(ics, Year.of(2027)).dates())
        .containsExactly(d("2024-10-03"), d("2025-10-03"), d("2026-10-03"), d("2027-10-03"));
    assertThat(Holidays.fromIcs(ics).dates()).hasSize(11).last().isEqualTo(d("2034-10-03"));
  }

  @Test
  void yearlyRulesHonourCountUntilAndLeapDays() {
    Holidays holidays =
        Holidays.fromIcs(
            """
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20240229
            RRULE:FREQ=YEARLY;UNTIL=20300101
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260101
            RRULE:FREQ=YEARLY;COUNT=2
            END:VEVENT
            """);

    assertThat(holidays.dates())
        .containsExactly(d("2024-02-29"), d("2026-01-01"), d("2027-01-01"), d("2028-02-29"));
  }

  @Test
  void unfoldsContinuationLines() {
    Holidays holidays =
        Holidays.fromIcs(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DA\r\n TE:2026\r\n\t1225\r\nEND:VEVENT\r\n");

    assertThat(holidays.dates()).containsExactly(d("2026-12-25"));
  }

  @Test
  void readsTheShippedBerlinHolidays() throws IOException {
    Holidays berlin =
        Holidays.fromIcs(Files.readString(Path.of("sla/holidays/de-berlin.ics")), Year.of(2026));

    assertThat(berlin.dates())
        .containsExactly(
            d("2026-01-01"),
            d("2026-03-08"),
            d("2026-04-03"),
            d("2026-04-06"),
            d("2026-05-01"),
            d("2026-05-14"),
            d("2026-05-25"),
            d("2026-10-03"),
            d("2026-12-25"),
            d("2026-12-26"));
  }

  @Test
  void badInputNamesTheLine() {
    assertThatThrownBy(() -> Holidays.fromIcs("BEGIN:VEVENT\nDTSTART:2026-12-25\nEND:VEVENT\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("iCalendar line 2: DTSTART: '2026-12-25' is not a date like 20261225");
    assertThatThrownBy(() -> Holidays.fromIcs("BEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\n"))
        .hasMessage("iCalendar line 1: VEVENT without DTSTART");
    assertThatThrownBy(() -> Holidays.fromIcs("BEGIN:VEVENT\nDTSTART:20261225\n"))
        .hasMessage("iCalendar line 1: VEVENT is not ended");
    assertThatThrownBy(
            () ->
                Holidays.fromIcs(
                    "BEGIN:VEVENT\nDTSTART:20261225\nRRULE:FREQ=MONTHLY\nEND:VEVENT\n"))
        .hasMessage("iCalendar line 3: only RRULE:FREQ=YEARLY is supported, got 'FREQ=MONTHLY'");
    assertThatThrownBy(
            () -> Holidays.fromIcs("BEGIN:VEVENT\nDTSTART:20261225\nDTEND:20261224\nEND:VEVENT\n"))
        .hasMessage("iCalendar line 3: DTEND 20261224 is not after DTSTART");
    assertThatThrownBy(() -> Holidays.fromIcs("no colon here\n"))
        .hasMessage("iCalendar line 1: expected NAME:value, got 'no colon here'");
    assertThatThrownBy(
            () ->
                Holidays.fromIcs(
                    "BEGIN:VEVENT\nDTSTART:20261225\nRRULE:FREQ=YEARLY;BYDAY=4TH\nEND:VEVENT\n"))
        .hasMessage("iCalendar line 3: RRULE part BYDAY is not supported");
  }
}
