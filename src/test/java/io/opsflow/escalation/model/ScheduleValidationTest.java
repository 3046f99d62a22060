package io.opsflow.escalation.model;

import static io.opsflow.escalation.model.Schedules.aDailyLayer;
import static io.opsflow.escalation.model.Schedules.aSchedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleValidationTest {
  private static Schedule requiringFullCoverage(Layer... layers) {
    return new Schedule("primary", "Primary", "Europe/Berlin", List.of(layers), List.of(), true);
  }

  private static Layer businessHours(String start, String... users) {
    return new Layer(
        "business hours",
        List.of(users),
        Rotation.daily(LocalTime.of(9, 0)),
        LocalDate.parse(start),
        List.of(Restriction.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))));
  }

  private static Layer outOfHours(String start, String... users) {
    return new Layer(
        "out of hours",
        List.of(users),
        Rotation.daily(LocalTime.of(9, 0)),
        LocalDate.parse(start),
        List.of(
            Restriction.weekdays(LocalTime.of(17, 0), LocalTime.of(9, 0)),
            new Restriction(
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                LocalTime.of(9, 0),
                LocalTime.of(9, 0))));
  }

  @Test
  void aGoodScheduleHasNoProblems() {
    assertThat(aSchedule("Europe/Berlin", aDailyLayer("09:00", "2026-01-01", "alice")).validate())
        .isEmpty();
  }

  @Test
  void anUnknownZoneIsAProblemAndTheScheduleCannotBeAsked() {
    Schedule s = aSchedule("Europe/Berln", aDailyLayer("09:00", "2026-01-01", "alice"));
    assertThat(s.validate()).extracting(ScheduleProblem::field).containsExactly("timeZone");
    assertThat(s.validate().get(0).reason()).contains("unknown time zone 'Europe/Berln'");
    assertThatThrownBy(() -> s.onCallAt(Instant.parse("2026-01-02T00:00:00Z")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(aSchedule("+02:00", aDailyLayer("09:00", "2026-01-01", "a")).validate()).hasSize(1);
  }

  @Test
  void aLayerWithoutParticipantsAndAScheduleWithoutLayersAreProblems() {
    assertThat(aSchedule("UTC", aDailyLayer("09:00", "2026-01-01")).validate())
        .containsExactly(
            new ScheduleProblem(
                "layers[0].participants", "a rotation needs at least one participant"));
    assertThat(aSchedule("UTC").validate()).extracting(ScheduleProblem::field).contains("layers");
  }

  @Test
  void aGapIsAProblemOnlyWhenFullCoverageIsRequired() {
    assertThat(aSchedule("Europe/Berlin", businessHours("2026-01-05", "alice")).validate())
        .isEmpty();
    List<ScheduleProblem> problems =
        requiringFullCoverage(businessHours("2026-01-05", "alice")).validate();
    assertThat(problems).isNotEmpty();
    assertThat(problems.get(0).field()).isEqualTo("layers");
    assertThat(problems.get(0).reason())
        .startsWith("nobody is on call from 2026-01-05T17:00 to 2026-01-06T09:00");
  }

  @Test
  void layersThatTogetherCoverEveryHourLeaveNoGapEvenAcrossDst() {
    assertThat(
            requiringFullCoverage(
                    businessHours("2026-03-23", "alice"), outOfHours("2026-03-23", "bob"))
                .validate())
        .isEmpty();
  }
}
