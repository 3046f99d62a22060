package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.sla.SlaPolicyFile.Organization;
import io.opsflow.sla.SlaPolicyFile.Result;
import io.opsflow.sla.model.BusinessCalendar;
import io.opsflow.sla.model.SlaTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SLA policy file, read against the shipped calendars. */
class SlaPolicyFileCalendarTest {
  @TempDir Path dir;

  private Map<String, BusinessCalendar> calendars() throws IOException {
    return CalendarFiles.load(Path.of("sla/calendars.yaml")).calendars();
  }

  @Test
  void loadsTheShippedPoliciesWithDefaultsAndOverrides() throws IOException {
    Result result = SlaPolicyFile.load(Path.of("sla/policies.yaml"), calendars());

    assertThat(result.problems()).isEmpty();
    Organization acme = result.organizations().get("acme");
    assertThat(acme.calendarId()).isEqualTo("berlin-office");
    assertThat(acme.policy().targets("P-1").response()).isEqualTo(SlaTarget.businessDays(1));
    Organization globex = result.organizations().get("globex");
    assertThat(globex.policy().targets("P-1").response())
        .isEqualTo(SlaTarget.businessTime(Duration.ofHours(4)));
    assertThat(globex.policy().targets("P-1").resolution()).isEqualTo(SlaTarget.businessDays(3));
    assertThat(globex.policy().targets("P-0").response())
        .isEqualTo(SlaTarget.roundTheClock(Duration.ofMinutes(30)));
    Instant opened = Instant.parse("2026-03-07T03:00:00Z"); // Friday 22:00 in New York
    assertThat(globex.policy().responseClock("P-0", opened, globex.calendar()).due())
        .contains(opened.plus(Duration.ofMinutes(30)));
  }

  @Test
  void refusesUnknownCalendarsPrioritiesAndBadAmountsWithTheirLines() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("policies.yaml"),
            """
            policies:
              acme:
                calendar: tokyo-office
              globex:
                calendar: berlin-office
                P-3: {response: 1h}
                P-1:
                  response: 2 weeks
                  resolution: 0d
                  review: 1d
            """);

    Result result = SlaPolicyFile.load(bad, calendars());

    assertThat(result.organizations()).isEmpty();
    assertThat(result.problems())
        .containsExactly(
            bad + ":3: unknown calendar 'tokyo-office' (known: [berlin-office, new-york-support])",
            bad + ":6: unknown field 'P-3' (expected calendar, P-0, P-1 or P-2)",
            bad
                + ":8: 'response': an amount like 30m, 4h or 2d (business days) expected, got '2 weeks'",
            bad
                + ":9: 'resolution': an amount like 30m, 4h or 2d (business days) expected, got '0d'",
            bad + ":10: unknown field 'review' (expected response or resolution)");
  }
}
