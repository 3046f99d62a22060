package io.opsflow.cli.bench;

import java.util.List;

/** The benchmark scenarios by name. */
public final class Scenarios {
  public static final List<String> NAMES =
      List.of("kafka-duplicates", "http-alertmanager", "latency", "first-slack-message");

  private Scenarios() {}

  public static BenchResult run(String name, BenchContext c) throws Exception {
    return switch (name) {
      case "kafka-duplicates" -> KafkaDuplicates.run(c);
      case "http-alertmanager" -> HttpAlertmanager.run(c);
      case "latency" -> Latency.run(c);
      case "first-slack-message" -> FirstSlackMessage.run(c);
      default -> throw new IllegalArgumentException("unknown scenario " + name);
    };
  }
}
