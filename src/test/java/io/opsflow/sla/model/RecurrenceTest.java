package io.opsflow.sla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static List<Instant> starts(Recurrence r, String from, String to) {
    return r.occurrencesBetween(Instant.parse(from), Instant.parse(to)).stream()
        .map(Interval::start)
        .toList();
  }

  @Test
  void weeklyWindowKeepsItsLocalTimeAcrossSpringForwardAndStartInTheGapMovesForward() {
    // Sundays 02:30 Berlin; on 2026-03-29 02:30 does not exist (02:00 -> 03:00)
    Recurrence r =
        Recurrence.recurring(
            "FREQ=WEEKLY;BYDAY=SU",
            LocalDateTime.parse("2026-03-22T02:30"),
            BERLIN,
            Duration.ofHours(2));
    assertThat(starts(r, "2026-03-01T00:00:00Z", "2026-04-06T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-03-22T01:30:00Z"), // 02:30 CET
            Instant.parse("2026-03-29T01:30:00Z"), // 03:30 CEST: the gap's hour added
            Instant.parse("2026-04-05T00:30:00Z")); // 02:30 CEST
    // the duration is elapsed time: two hours whatever the offsets
    assertThat(
            r.occurrencesBetween(
                Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")))
        .containsExactly(
            new Interval(
                Instant.parse("2026-03-29T01:30:00Z"), Instant.parse("2026-03-29T03:30:00Z")));
  }

  @Test
  void dailyWindowFollowsTheZoneWhenClocksFallBack() {
    Recurrence r =
        Recurrence.recurring(
            "FREQ=DAILY",
            LocalDateTime.parse("2026-10-30T09:00"),
            NEW_YORK,
            Duration.ofMinutes(30));
    assertThat(starts(r, "2026-10-30T00:00:00Z", "2026-11-03T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-10-30T13:00:00Z"), // EDT
            Instant.parse("2026-10-31T13:00:00Z"),
            Instant.parse("2026-11-01T14:00:00Z"), // EST from 1 November
            Instant.parse("2026-11-02T14:00:00Z"));
  }

  @Test
  void startInTheAutumnOverlapTakesTheEarlierOffset() {
    Recurrence r =
        Recurrence.recurring(
            "FREQ=DAILY;COUNT=3",
            LocalDateTime.parse("2026-10-24T02:30"),
            BERLIN,
            Duration.ofHours(1));
    assertThat(starts(r, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-10-24T00:30:00Z"), // CEST
            Instant.parse("2026-10-25T00:30:00Z"), // 02:30 happens twice: the first, CEST
            Instant.parse("2026-10-26T01:30:00Z")); // CET
  }

  @Test
  void coversIsHalfOpenAndFollowsDst() {
    Recurrence r =
        Recurrence.recurring(
            "FREQ=WEEKLY;BYDAY=SU",
            LocalDateTime.parse("2026-03-22T02:30"),
            BERLIN,
            Duration.ofHours(2));
    assertThat(r.covers(Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
    assertThat(r.covers(Instant.parse("2026-03-29T03:29:59Z"))).isTrue();
    assertThat(r.covers(Instant.parse("2026-03-29T03:30:00Z"))).isFalse();
    assertThat(r.covers(Instant.parse("2026-03-29T01:29:59Z"))).isFalse();
    assertThat(r.covers(Instant.parse("2026-03-15T01:30:00Z"))).isFalse(); // before DTSTART
  }

  @Test
  void monthlyByOrdinalWeekdayAndCount() {
    Recurrence lastSunday =
        Recurrence.recurring(
            "FREQ=MONTHLY;BYDAY=-1SU",
            LocalDateTime.parse("2026-03-01T22:00"),
            ZoneId.of("UTC"),
            Duration.ofHours(1));
    assertThat(starts(lastSunday, "2026-03-01T00:00:00Z", "2026-06-01T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-03-29T22:00:00Z"),
            Instant.parse("2026-04-26T22:00:00Z"),
            Instant.parse("2026-05-31T22:00:00Z"));
    Recurrence firstSaturdayTwice =
        Recurrence.recurring(
            "FREQ=MONTHLY;BYDAY=1SA;COUNT=2",
            LocalDateTime.parse("2026-01-01T06:00"),
            ZoneId.of("UTC"),
            Duration.ofHours(1));
    assertThat(starts(firstSaturdayTwice, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-01-03T06:00:00Z"), Instant.parse("2026-02-07T06:00:00Z"));
  }

  @Test
  void monthlyOnThe31stSkipsShortMonths() {
    Recurrence r =
        Recurrence.recurring(
            "FREQ=MONTHLY",
            LocalDateTime.parse("2026-01-31T01:00"),
            ZoneId.of("UTC"),
            Duration.ofHours(1));
    assertThat(starts(r, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-01-31T01:00:00Z"),
            Instant.parse("2026-03-31T01:00:00Z"),
            Instant.parse("2026-05-31T01:00:00Z"));
  }

  @Test
  void weeklyIntervalWithSeveralDaysAndInclusiveUntil() {
    Recurrence r =
        Recurrence.recurring(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20260618T100000Z",
            LocalDateTime.parse("2026-06-01T10:00"),
            ZoneId.of("UTC"),
            Duration.ofMinutes(15));
    assertThat(starts(r, "2026-06-01T00:00:00Z", "2026-08-01T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-06-02T10:00:00Z"),
            Instant.parse("2026-06-04T10:00:00Z"),
            Instant.parse("2026-06-16T10:00:00Z"),
            Instant.parse("2026-06-18T10:00:00Z"));
  }

  @Test
  void rulesOutsideTheSubsetAreRefusedWithTheReason() {
    LocalDateTime start = LocalDateTime.parse("2026-01-01T00:00");
    ZoneId utc = ZoneId.of("UTC");
    Duration hour = Duration.ofHours(1);
    assertThatThrownBy(() -> Recurrence.recurring("FREQ=YEARLY", start, utc, hour))
        .hasMessageContaining("FREQ must be DAILY, WEEKLY or MONTHLY");
    assertThatThrownBy(() -> Recurrence.recurring("FREQ=DAILY;BYMONTH=1", start, utc, hour))
        .hasMessageContaining("BYMONTH is not supported");
    assertThatThrownBy(
            () ->
                Recurrence.recurring("FREQ=DAILY;COUNT=2;UNTIL=20260101T000000Z", start, utc, hour))
        .hasMessageContaining("COUNT and UNTIL");
    assertThatThrownBy(() -> Recurrence.recurring("FREQ=WEEKLY;BYDAY=1MO", start, utc, hour))
        .hasMessageContaining("need FREQ=MONTHLY");
    assertThatThrownBy(() -> Recurrence.recurring("FREQ=WEEKLY;BYDAY=XX", start, utc, hour))
        .hasMessageContaining("BYDAY entry 'XX'");
  }

  @Test
  void oneOffWindow() {
    Recurrence r =
        Recurrence.once(
            Instant.parse("2026-06-10T12:00:00Z"), Instant.parse("2026-06-10T13:00:00Z"));
    assertThat(r.covers(Instant.parse("2026-06-10T12:59:59Z"))).isTrue();
    assertThat(r.covers(Instant.parse("2026-06-10T13:00:00Z"))).isFalse();
    assertThat(starts(r, "2026-06-10T12:30:00Z", "2026-06-11T00:00:00Z")).hasSize(1);
  }
}
