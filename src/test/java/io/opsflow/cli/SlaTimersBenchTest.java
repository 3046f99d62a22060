package io.opsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SlaTimersBenchTest {

  @Test
  @Timeout(value = 120)
  void everySlaTimerFiresAndNoneEarly() throws Exception {
    JsonNode result =
        BenchRuns.figures(
            "sla-timers", "--alerts", "50", "--seconds", "3", "--lead", "3", "--timeout", "60");
    assertThat(result.path("timers").asInt()).isEqualTo(50);
    assertThat(result.path("createFailures").asInt()).isZero();
    assertThat(result.path("fired").asInt()).isEqualTo(50);
    assertThat(result.path("missing").asInt()).isZero();
    assertThat(result.path("early").asInt()).isZero();
    assertThat(result.path("finished").asInt()).isEqualTo(50);
    assertThat(result.path("stillRunning").asInt()).isZero();
    assertThat(result.path("jobExecutor").path("waitTimeMs").asInt()).isEqualTo(250);
    assertThat(result.has("p99Ms")).isTrue();
  }
}
