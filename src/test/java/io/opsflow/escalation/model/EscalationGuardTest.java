package io.opsflow.escalation.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.incident.model.IncidentStatus;
import org.junit.jupiter.api.Test;

class EscalationGuardTest {
  private final EscalationGuard guard = new EscalationGuard();

  @Test
  void onlyAnUnacknowledgedIncidentEscalates() {
    assertThat(guard.shouldEscalate(IncidentStatus.TRIGGERED)).isTrue();
    assertThat(guard.shouldEscalate(IncidentStatus.ACKNOWLEDGED)).isFalse();
    assertThat(guard.shouldEscalate(IncidentStatus.RESOLVED)).isFalse();
  }
}
