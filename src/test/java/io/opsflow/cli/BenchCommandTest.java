package io.opsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BenchCommandTest {

  @Test
  @Timeout(value = 90)
  void kafkaDuplicatesOnAnEmbeddedInstancePrintsItsFiguresAsJson() throws Exception {
    JsonNode result =
        BenchRuns.figures(
            "kafka-duplicates", "--alerts", "2000", "--groups", "10", "--timeout", "30");
    assertThat(result.path("alerts").asLong()).isEqualTo(2000);
    assertThat(result.path("groups").asInt()).isEqualTo(10);
    assertThat(result.path("incidents").asInt()).isEqualTo(10);
    assertThat(result.path("alertsPerSecond").asDouble()).isPositive();
    assertThat(result.path("eventCountSum").asLong()).isEqualTo(2010);
    assertThat(result.has("p50Ms")).isTrue();
  }

  @Test
  @Timeout(value = 120)
  void firstSlackMessageOnAnEmbeddedInstanceSeesAFirstMessageForEveryAlert() throws Exception {
    JsonNode result =
        BenchRuns.figures(
            "first-slack-message", "--rate", "5", "--seconds", "2", "--timeout", "60");
    assertThat(result.path("alerts").asLong()).isEqualTo(10);
    assertThat(result.path("incidents").asInt()).isEqualTo(10);
    assertThat(result.path("firstMessages").asInt()).isEqualTo(10);
    assertThat(result.path("missing").asInt()).isZero();
    assertThat(result.path("rejected").asInt()).isZero();
    assertThat(result.has("p99Ms")).isTrue();
    assertThat(result.has("httpP99Ms")).isTrue();
  }

  @Test
  void firstSlackMessageRefusesAnInstanceItDidNotStart() {
    StringWriter err = new StringWriter();
    int code =
        new picocli.CommandLine(new Main())
            .setErr(new PrintWriter(err))
            .execute("bench", "--scenario", "first-slack-message", "--url", "http://127.0.0.1:9");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("drop --url");
  }
}
