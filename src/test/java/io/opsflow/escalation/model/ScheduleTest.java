package io.opsflow.escalation.model;

import static io.opsflow.escalation.model.Schedules.aDailyLayer;
import static io.opsflow.escalation.model.Schedules.aSchedule;
import static io.opsflow.escalation.model.Schedules.withOverrides;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotations, layer precedence, overrides and rendered shifts (zone Europe/Berlin, CET = UTC+1). */
class ScheduleTest {
  private static final String BERLIN = "Europe/Berlin";

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static Layer aWeeklyLayer(String... users) {
    // Starts on Thursday 2026-01-01; the first Monday hand-off is 2026-01-05 09:00 CET.
    return new Layer(
        "weekly",
        List.of(users),
        Rotation.weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0)),
        LocalDate.parse("2026-01-01"));
  }

  private static Layer aBusinessHoursLayer(String... users) {
    return new Layer(
        "business hours",
        List.of(users),
        Rotation.daily(LocalTime.of(9, 0)),
        LocalDate.parse("2026-01-01"),
        List.of(Restriction.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))));
  }

  @Test
  void aDailyRotationHandsOffEveryDayInTurn() {
    Schedule s = aSchedule(BERLIN, aDailyLayer("09:00", "2026-01-05", "alice", "bob", "carol"));
    assertThat(s.onCallAt(at("2026-01-05T07:59:59Z"))).isEmpty();
    assertThat(s.onCallAt(at("2026-01-05T08:00:00Z"))).contains("alice");
    assertThat(s.onCallAt(at("2026-01-06T08:00:00Z"))).contains("bob");
    assertThat(s.onCallAt(at("2026-01-07T12:00:00Z"))).contains("carol");
    assertThat(s.onCallAt(at("2026-01-08T08:00:00Z"))).contains("alice");
  }

  @Test
  void aWeeklyRotationStartsOnTheFirstHandoffDayAndHandsOffWeekly() {
    Schedule s = aSchedule(BERLIN, aWeeklyLayer("alice", "bob"));
    assertThat(s.onCallAt(at("2026-01-02T12:00:00Z"))).isEmpty();
    assertThat(s.onCallAt(at("2026-01-05T08:00:00Z"))).contains("alice");
    assertThat(s.onCallAt(at("2026-01-12T07:59:59Z"))).contains("alice");
    assertThat(s.onCallAt(at("2026-01-12T08:00:00Z"))).contains("bob");
    assertThat(s.onCallAt(at("2026-01-19T08:00:00Z"))).contains("alice");
  }

  @Test
  void aCustomRotationOfThreeDays() {
    Layer threeDays =
        new Layer(
            "three days",
            List.of("alice", "bob"),
            Rotation.everyDays(3, LocalTime.of(9, 0)),
            LocalDate.parse("2026-01-05"));
    Schedule s = aSchedule(BERLIN, threeDays);
    assertThat(s.onCallAt(at("2026-01-08T07:59:00Z"))).contains("alice");
    assertThat(s.onCallAt(at("2026-01-08T08:00:00Z"))).contains("bob");
    assertThat(s.onCallAt(at("2026-01-11T08:00:00Z"))).contains("alice");
  }

  @Test
  void aLaterLayerWinsWhereItHasSomeoneOnCall() {
    Schedule s = aSchedule(BERLIN, aWeeklyLayer("alice", "bob"), aBusinessHoursLayer("carol"));
    assertThat(s.onCallAt(at("2026-01-06T10:00:00Z"))).contains("carol"); // Tuesday 11:00
    assertThat(s.onCallAt(at("2026-01-06T16:00:00Z"))).contains("alice"); // Tuesday 17:00
    assertThat(s.onCallAt(at("2026-01-06T07:59:59Z"))).contains("alice"); // Tuesday 08:59
    assertThat(s.onCallAt(at("2026-01-10T10:00:00Z"))).contains("alice"); // Saturday
  }

  @Test
  void overridesBeatEveryLayerAndTheLatestListedOverrideWins() {
    Schedule s =
        withOverrides(
            aSchedule(BERLIN, aWeeklyLayer("alice"), aBusinessHoursLayer("carol")),
            new ScheduleOverride("dave", at("2026-01-06T10:00:00Z"), at("2026-01-06T12:00:00Z")),
            new ScheduleOverride("erin", at("2026-01-06T11:00:00Z"), at("2026-01-06T13:00:00Z")));
    assertThat(s.onCallAt(at("2026-01-06T09:59:59Z"))).contains("carol");
    assertThat(s.onCallAt(at("2026-01-06T10:30:00Z"))).contains("dave");
    assertThat(s.onCallAt(at("2026-01-06T11:30:00Z"))).contains("erin");
    assertThat(s.onCallAt(at("2026-01-06T13:00:00Z"))).contains("carol");
    assertThat(s.shifts(at("2026-01-06T09:00:00Z"), at("2026-01-06T17:00:00Z")))
        .containsExactly(
            new Shift("carol", at("2026-01-06T09:00:00Z"), at("2026-01-06T10:00:00Z")),
            new Shift("dave", at("2026-01-06T10:00:00Z"), at("2026-01-06T11:00:00Z")),
            new Shift("erin", at("2026-01-06T11:00:00Z"), at("2026-01-06T13:00:00Z")),
            new Shift("carol", at("2026-01-06T13:00:00Z"), at("2026-01-06T16:00:00Z")),
            new Shift("alice", at("2026-01-06T16:00:00Z"), at("2026-01-06T17:00:00Z")));
  }

  @Test
  void shiftsOverAMonthAcrossTheSpringChange() {
    Schedule s = aSchedule(BERLIN, aDailyLayer("09:00", "2026-02-01", "alice", "bob"));
    Instant from = at("2026-02-28T23:00:00Z"); // 1 March 00:00 CET
    Instant to = at("2026-03-31T22:00:00Z"); // 1 April 00:00 CEST
    List<Shift> shifts = s.shifts(from, to);
    assertThat(shifts).hasSize(32);
    assertThat(shifts.get(0).start()).isEqualTo(from);
    assertThat(shifts.get(31).end()).isEqualTo(to);
    for (int i = 1; i < shifts.size(); i++) {
      assertThat(shifts.get(i).start()).isEqualTo(shifts.get(i - 1).end());
      assertThat(shifts.get(i).user()).isNotEqualTo(shifts.get(i - 1).user());
    }
    assertThat(shifts.subList(1, 31))
        .extracting(Shift::length)
        .containsOnly(Duration.ofHours(24), Duration.ofHours(23));
    assertThat(shifts.get(28).length()).isEqualTo(Duration.ofHours(23)); // 28th 09:00 -> 29th
  }

  @Test
  void consecutiveShiftsOfTheSameUserAreMerged() {
    Schedule s =
        withOverrides(
            aSchedule(BERLIN, aDailyLayer("09:00", "2026-01-01", "alice")),
            new ScheduleOverride("alice", at("2026-01-10T00:00:00Z"), at("2026-01-11T00:00:00Z")));
    assertThat(s.shifts(at("2026-01-05T00:00:00Z"), at("2026-02-05T00:00:00Z")))
        .containsExactly(
            new Shift("alice", at("2026-01-05T00:00:00Z"), at("2026-02-05T00:00:00Z")));
  }
}
