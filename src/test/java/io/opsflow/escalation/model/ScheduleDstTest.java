package io.opsflow.escalation.model;

import static io.opsflow.escalation.model.Schedules.aDailyLayer;
import static io.opsflow.escalation.model.Schedules.aSchedule;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-offs across DST changes in both directions, in Europe/Berlin (2026-03-29, 2026-10-25) and
 * America/New_York (2026-03-08, 2026-11-01).
 */
class ScheduleDstTest {
  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static void assertShifts(Schedule s, String from, String to, Shift... expected) {
    assertThat(s.shifts(at(from), at(to))).containsExactly(expected);
  }

  @Test
  void berlinSpringForwardKeepsTheNineOClockHandoffAndTheShiftLasts23Hours() {
    Schedule s = aSchedule("Europe/Berlin", aDailyLayer("09:00", "2026-03-27", "alice", "bob"));
    // 09:00 CET = 08:00Z on the 28th, 09:00 CEST = 07:00Z on the 29th.
    assertShifts(
        s,
        "2026-03-28T08:00:00Z",
        "2026-03-30T07:00:00Z",
        new Shift("bob", at("2026-03-28T08:00:00Z"), at("2026-03-29T07:00:00Z")),
        new Shift("alice", at("2026-03-29T07:00:00Z"), at("2026-03-30T07:00:00Z")));
    assertThat(s.shifts(at("2026-03-28T08:00:00Z"), at("2026-03-30T07:00:00Z")).get(0).length())
        .isEqualTo(Duration.ofHours(23));
    assertThat(s.onCallAt(at("2026-03-29T06:59:59Z"))).contains("bob");
    assertThat(s.onCallAt(at("2026-03-29T07:00:00Z"))).contains("alice");
  }

  @Test
  void berlinFallBackKeepsTheNineOClockHandoffAndTheShiftLasts25Hours() {
    Schedule s = aSchedule("Europe/Berlin", aDailyLayer("09:00", "2026-10-24", "alice", "bob"));
    List<Shift> shifts = s.shifts(at("2026-10-24T07:00:00Z"), at("2026-10-26T08:00:00Z"));
    assertThat(shifts)
        .containsExactly(
            new Shift("alice", at("2026-10-24T07:00:00Z"), at("2026-10-25T08:00:00Z")),
            new Shift("bob", at("2026-10-25T08:00:00Z"), at("2026-10-26T08:00:00Z")));
    assertThat(shifts.get(0).length()).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void newYorkSpringForwardShiftLasts23Hours() {
    Schedule s = aSchedule("America/New_York", aDailyLayer("09:00", "2026-03-07", "alice", "bob"));
    // 09:00 EST = 14:00Z on the 7th, 09:00 EDT = 13:00Z on the 8th.
    List<Shift> shifts = s.shifts(at("2026-03-07T14:00:00Z"), at("2026-03-09T13:00:00Z"));
    assertThat(shifts)
        .containsExactly(
            new Shift("alice", at("2026-03-07T14:00:00Z"), at("2026-03-08T13:00:00Z")),
            new Shift("bob", at("2026-03-08T13:00:00Z"), at("2026-03-09T13:00:00Z")));
    assertThat(shifts.get(0).length()).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void newYorkFallBackShiftLasts25Hours() {
    Schedule s = aSchedule("America/New_York", aDailyLayer("09:00", "2026-10-31", "alice", "bob"));
    // 09:00 EDT = 13:00Z on the 31st, 09:00 EST = 14:00Z on 1 November.
    List<Shift> shifts = s.shifts(at("2026-10-31T13:00:00Z"), at("2026-11-02T14:00:00Z"));
    assertThat(shifts)
        .containsExactly(
            new Shift("alice", at("2026-10-31T13:00:00Z"), at("2026-11-01T14:00:00Z")),
            new Shift("bob", at("2026-11-01T14:00:00Z"), at("2026-11-02T14:00:00Z")));
    assertThat(shifts.get(0).length()).isEqualTo(Duration.ofHours(25));
    assertThat(s.onCallAt(at("2026-11-01T13:59:59Z"))).contains("alice");
  }

  @Test
  void aHandoffInsideTheBerlinSpringGapHappensAtTheEndOfTheGap() {
    Schedule s = aSchedule("Europe/Berlin", aDailyLayer("02:30", "2026-03-28", "alice", "bob"));
    // 02:30 does not exist on the 29th: the hand-off is at 03:00 CEST = 01:00Z.
    assertShifts(
        s,
        "2026-03-28T01:30:00Z",
        "2026-03-30T00:30:00Z",
        new Shift("alice", at("2026-03-28T01:30:00Z"), at("2026-03-29T01:00:00Z")),
        new Shift("bob", at("2026-03-29T01:00:00Z"), at("2026-03-30T00:30:00Z")));
    assertThat(s.onCallAt(at("2026-03-29T00:59:59Z"))).contains("alice");
  }

  @Test
  void aHandoffInsideTheBerlinFallOverlapHappensAtTheEarlierOffset() {
    Schedule s = aSchedule("Europe/Berlin", aDailyLayer("02:30", "2026-10-24", "alice", "bob"));
    // 02:30 happens twice on the 25th: the hand-off is at 02:30+02:00 = 00:30Z, not 01:30Z.
    List<Shift> shifts = s.shifts(at("2026-10-24T00:30:00Z"), at("2026-10-26T01:30:00Z"));
    assertThat(shifts)
        .containsExactly(
            new Shift("alice", at("2026-10-24T00:30:00Z"), at("2026-10-25T00:30:00Z")),
            new Shift("bob", at("2026-10-25T00:30:00Z"), at("2026-10-26T01:30:00Z")));
    assertThat(shifts.get(1).length()).isEqualTo(Duration.ofHours(25));
    assertThat(s.onCallAt(at("2026-10-25T01:30:00Z"))).contains("bob");
  }

  @Test
  void aHandoffInsideTheNewYorkSpringGapHappensAtTheEndOfTheGap() {
    Schedule s = aSchedule("America/New_York", aDailyLayer("02:30", "2026-03-07", "alice", "bob"));
    // 02:30 EST = 07:30Z on the 7th; on the 8th the gap ends at 03:00 EDT = 07:00Z.
    assertShifts(
        s,
        "2026-03-07T07:30:00Z",
        "2026-03-09T06:30:00Z",
        new Shift("alice", at("2026-03-07T07:30:00Z"), at("2026-03-08T07:00:00Z")),
        new Shift("bob", at("2026-03-08T07:00:00Z"), at("2026-03-09T06:30:00Z")));
  }

  @Test
  void aHandoffInsideTheNewYorkFallOverlapHappensAtTheEarlierOffset() {
    // In New York the repeated hour is 01:00-02:00: 01:30 EDT = 05:30Z comes before 01:30 EST.
    Schedule s = aSchedule("America/New_York", aDailyLayer("01:30", "2026-10-31", "alice", "bob"));
    assertShifts(
        s,
        "2026-10-31T05:30:00Z",
        "2026-11-02T06:30:00Z",
        new Shift("alice", at("2026-10-31T05:30:00Z"), at("2026-11-01T05:30:00Z")),
        new Shift("bob", at("2026-11-01T05:30:00Z"), at("2026-11-02T06:30:00Z")));
  }

  @Test
  void twelveHourShiftsStayAtEightAndTwentyLocalAcrossTheChange() {
    Layer halfDays =
        new Layer(
            "halves",
            List.of("alice", "bob"),
            Rotation.every(Duration.ofHours(12), LocalTime.of(8, 0)),
            LocalDate.parse("2026-03-28"));
    Schedule s = aSchedule("Europe/Berlin", halfDays);
    assertThat(s.shifts(at("2026-03-28T19:00:00Z"), at("2026-03-29T18:00:00Z")))
        .extracting(Shift::start)
        .containsExactly(at("2026-03-28T19:00:00Z"), at("2026-03-29T06:00:00Z"));
  }
}
