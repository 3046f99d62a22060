package io.opsflow.sla.model;

import static io.opsflow.sla.model.Calendars.BERLIN;
import static io.opsflow.sla.model.Calendars.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {
  private final SlaPolicy policy = SlaPolicy.defaults();
  private final BusinessCalendar office = Calendars.aBerlinOffice();

  @Test
  void aP1OpenedFridayAtHalfPastFourIsDueForResponseMondayAtHalfPastFour() {
    SlaClock response = policy.responseClock("P-1", berlin("2026-03-06T16:30"), office);

    assertThat(response.due()).contains(berlin("2026-03-09T16:30"));
  }

  @Test
  void aP1OpenedFridayAtHalfPastFourBeforeAHolidayMondayIsDueTuesdayAtHalfPastFour() {
    BusinessCalendar whitMonday =
        Calendars.nineToFive(BERLIN, Holidays.of(LocalDate.parse("2026-05-25")));

    SlaClock response = policy.responseClock("P-1", berlin("2026-05-22T16:30"), whitMonday);

    assertThat(response.due()).contains(berlin("2026-05-26T16:30"));
  }

  @Test
  void aP0IsDueInOneRealHourEvenAcrossTheSpringChangeAndAtNight() {
    Instant opened = berlin("2026-03-29T01:30"); // Sunday night, 30 minutes before the gap

    SlaClock response = policy.responseClock("P-0", opened, office);
    SlaClock resolution = policy.resolutionClock("P-0", opened, office);

    assertThat(response.due()).contains(opened.plus(Duration.ofHours(1)));
    assertThat(response.due()).contains(berlin("2026-03-29T03:30"));
    assertThat(resolution.due()).contains(opened.plus(Duration.ofHours(4)));
  }

  @Test
  void aP0IsDueInOneRealHourAcrossTheAutumnChange() {
    Instant opened = Instant.parse("2026-10-25T00:30:00Z"); // 02:30 CEST, the first 02:30

    SlaClock response = policy.responseClock("P-0", opened, office);

    assertThat(response.due()).contains(Instant.parse("2026-10-25T01:30:00Z")); // 02:30 CET
  }

  @Test
  void aP2IsDueInFourBusinessDaysAndResolvedInTen() {
    Instant monday = berlin("2026-03-09T10:00");

    assertThat(policy.responseClock("P-2", monday, office).due())
        .contains(berlin("2026-03-13T10:00"));
    assertThat(policy.resolutionClock("P-2", monday, office).due())
        .contains(berlin("2026-03-23T10:00"));
    assertThat(policy.resolutionClock("P-1", monday, office).due())
        .contains(berlin("2026-03-16T10:00"));
  }

  @Test
  void aBusinessDayIsTheLongestWeekdayOfTheCalendar() {
    BusinessCalendar lunch = Calendars.aLunchBreakOffice(); // 7 working hours a day

    SlaClock response = policy.responseClock("P-1", berlin("2026-03-06T16:30"), lunch);

    assertThat(response.target()).isEqualTo(Duration.ofHours(7));
    assertThat(response.due()).contains(berlin("2026-03-09T16:30"));
  }

  @Test
  void targetsCanBeOverriddenPerPriority() {
    SlaPolicy custom = policy.withResponse("P-1", SlaTarget.businessTime(Duration.ofHours(4)));

    assertThat(custom.responseClock("P-1", berlin("2026-03-09T09:00"), office).due())
        .contains(berlin("2026-03-09T13:00"));
    assertThat(custom.targets("P-1").resolution()).isEqualTo(SlaTarget.businessDays(5));
    assertThatThrownBy(() -> custom.targets("P-9"))
        .hasMessageContaining("no SLA targets for priority 'P-9'");
  }
}
