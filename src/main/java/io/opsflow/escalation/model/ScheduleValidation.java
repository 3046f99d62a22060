package io.opsflow.escalation.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The checks behind {@link Schedule#validate()}. */
final class ScheduleValidation {
  /** How far past the last layer start coverage is checked: two weeks covers weekly patterns. */
  private static final Duration COVERAGE_HORIZON = Duration.ofDays(15);

  private static final int MAX_GAPS_REPORTED = 3;
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private final Schedule schedule;
  private final List<ScheduleProblem> problems = new ArrayList<>();

  ScheduleValidation(Schedule schedule) {
    this.schedule = schedule;
  }

  static boolean isKnownZone(String name) {
    return name != null && ZONES.contains(name);
  }

  List<ScheduleProblem> problems() {
    if (schedule.id().isBlank()) {
      problems.add(new ScheduleProblem("id", "a schedule needs an id"));
    }
    boolean zoneKnown = isKnownZone(schedule.timeZone());
    if (!zoneKnown) {
      problems.add(
          new ScheduleProblem(
              "timeZone",
              "unknown time zone '"
                  + schedule.timeZone()
                  + "' (expected an IANA name such as Europe/Berlin)"));
    }
    if (schedule.layers().isEmpty()) {
      problems.add(new ScheduleProblem("layers", "a schedule needs at least one layer"));
    }
    boolean participantsOk = checkParticipants();
    if (zoneKnown && participantsOk && schedule.requireFullCoverage()) {
      checkCoverage();
    }
    return List.copyOf(problems);
  }

  private boolean checkParticipants() {
    boolean ok = true;
    for (int i = 0; i < schedule.layers().size(); i++) {
      List<String> participants = schedule.layers().get(i).participants();
      String field = "layers[" + i + "].participants";
      if (participants.isEmpty()) {
        problems.add(new ScheduleProblem(field, "a rotation needs at least one participant"));
        ok = false;
      } else if (participants.stream().anyMatch(p -> p == null || p.isBlank())) {
        problems.add(new ScheduleProblem(field, "a participant has no user id"));
        ok = false;
      }
    }
    return ok;
  }

  /** Reports stretches where no layer has anyone on call, after the first layer has started. */
  private void checkCoverage() {
    ZoneId zone = schedule.zone();
    List<Instant> starts =
        schedule.layers().stream().map(l -> l.firstHandoff(zone)).sorted().toList();
    if (starts.isEmpty()) {
      return;
    }
    Instant from = starts.get(0);
    Instant to = starts.get(starts.size() - 1).plus(COVERAGE_HORIZON);
    List<Shift> shifts =
        Shifts.render(schedule.layerChanges(from, to), to, schedule::layersOnCallAt);
    Instant covered = from;
    int gaps = 0;
    for (Shift s : shifts.stream().sorted(Comparator.comparing(Shift::start)).toList()) {
      if (s.start().isAfter(covered) && gaps++ < MAX_GAPS_REPORTED) {
        reportGap(covered, s.start(), zone);
      }
      covered = s.end();
    }
    if (covered.isBefore(to) && gaps < MAX_GAPS_REPORTED) {
      reportGap(covered, to, zone);
    }
  }

  private void reportGap(Instant from, Instant to, ZoneId zone) {
    problems.add(
        new ScheduleProblem(
            "layers",
            "nobody is on call from "
                + LocalTimes.local(from, zone)
                + " to "
                + LocalTimes.local(to, zone)
                + " ("
                + zone
                + ") and the schedule requires full coverage"));
  }
}
