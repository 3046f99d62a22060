package io.opsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code opsflow bench} on an embedded instance and reads the figures it prints as JSON. */
final class BenchRuns {
  private BenchRuns() {}

  /**
   * Runs {@code bench --scenario scenario options... --json}; asserts it exits 0 and that its last
   * line is the JSON figures of that scenario, and answers them.
   */
  static JsonNode figures(String scenario, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("bench", "--scenario", scenario));
    args.addAll(List.of(options));
    args.add("--json");
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), args.toArray(String[]::new));

    assertThat(code).isZero();
    String[] lines = out.toString().strip().split("\n");
    JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);
    assertThat(result.path("scenario").asText()).isEqualTo(scenario);
    return result;
  }
}
