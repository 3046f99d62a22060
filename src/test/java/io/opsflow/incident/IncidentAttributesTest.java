package io.opsflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncidentAttributesTest {

  @Test
  void alertmanagerCommonLabelsAreTakenAsTheyAre() {
    assertThat(IncidentAttributes.of("{\"service\":\"checkout\",\"severity\":\"error\"}"))
        .containsEntry("service", "checkout")
        .containsEntry("severity", "error");
  }

  @Test
  void pagerDutyCustomDetailsAreFlattened() {
    assertThat(
            IncidentAttributes.of(
                "{\"source\":\"db-primary-1\",\"custom_details\":{\"team\":\"billing\",\"x\":{}}}"))
        .containsEntry("source", "db-primary-1")
        .containsEntry("custom_details.team", "billing")
        .doesNotContainKey("custom_details.x");
  }

  @Test
  void missingOrBrokenLabelsAreEmpty() {
    assertThat(IncidentAttributes.of(null)).isEmpty();
    assertThat(IncidentAttributes.of("not json")).isEmpty();
  }
}
