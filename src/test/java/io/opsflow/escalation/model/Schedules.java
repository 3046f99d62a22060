package io.opsflow.escalation.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Fixtures for schedule tests, named by intent. */
final class Schedules {
  private Schedules() {}

  static Schedule aSchedule(String zone, Layer... layers) {
    return new Schedule("primary", "Primary", zone, List.of(layers), List.of(), false);
  }

  static Schedule withOverrides(Schedule s, ScheduleOverride... overrides) {
    return new Schedule(
        s.id(), s.name(), s.timeZone(), s.layers(), List.of(overrides), s.requireFullCoverage());
  }

  static Layer aDailyLayer(String handoff, String start, String... users) {
    return new Layer(
        "daily", List.of(users), Rotation.daily(LocalTime.parse(handoff)), LocalDate.parse(start));
  }
}
