package io.opsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BenchCommandTest {

  @Test
  @Timeout(value = 90)
  void kafkaDuplicatesOnAnEmbeddedInstancePrintsItsFiguresAsJson() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            "bench",
            "--scenario",
            "kafka-duplicates",
            "--alerts",
            "2000",
            "--groups",
            "10",
            "--timeout",
            "30",
            "--json");

    assertThat(code).isZero();
    String[] lines = out.toString().strip().split("\n");
    JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);
    assertThat(result.path("scenario").asText()).isEqualTo("kafka-duplicates");
    assertThat(result.path("alerts").asLong()).isEqualTo(2000);
    assertThat(result.path("groups").asInt()).isEqualTo(10);
    assertThat(result.path("incidents").asInt()).isEqualTo(10);
    assertThat(result.path("alertsPerSecond").asDouble()).isPositive();
    assertThat(result.path("eventCountSum").asLong()).isEqualTo(2010);
    assertThat(result.has("p50Ms")).isTrue();
  }
}
