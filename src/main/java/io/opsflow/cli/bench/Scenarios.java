package io.opsflow.cli.bench;

import java.util.List;

/** The benchmark scenarios by name. */
public final class Scenarios {
  public static final List<String> NAMES =
      List.of(
          "kafka-duplicates",
          "http-alertmanager",
          "latency",
          "first-slack-message",
          "ticket-create",
          Scenarios.SLA_TIMERS);

  /** Runs on an engine of its own, without an opsflow instance: see {@link #runSlaTimers}. */
  public static final String SLA_TIMERS = "sla-timers";

  private Scenarios() {}

  /**
   * {@code sla-timers}: {@code timers} SLA clocks whose warnings fall due evenly over {@code
   * windowSeconds}, starting {@code leadSeconds} from now; reports how late they fire.
   */
  public static BenchResult runSlaTimers(
      int timers,
      int windowSeconds,
      int leadSeconds,
      int creators,
      boolean stockJobExecutor,
      String historyLevel,
      java.nio.file.Path workflows,
      java.time.Duration timeout,
      int observeSeconds,
      boolean unorderedAcquisition,
      java.io.PrintWriter progress)
      throws Exception {
    return SlaTimers.run(
        new SlaTimers.Settings(
            timers,
            windowSeconds,
            leadSeconds,
            creators,
            stockJobExecutor,
            historyLevel,
            workflows,
            timeout,
            observeSeconds,
            unorderedAcquisition,
            progress));
  }

  public static BenchResult run(String name, BenchContext c) throws Exception {
    return switch (name) {
      case "kafka-duplicates" -> KafkaDuplicates.run(c);
      case "http-alertmanager" -> HttpAlertmanager.run(c);
      case "latency" -> Latency.run(c);
      case "first-slack-message" -> FirstSlackMessage.run(c);
      case "ticket-create" -> TicketCreation.run(c);
      case SLA_TIMERS ->
          throw new IllegalArgumentException(SLA_TIMERS + " runs without an instance");
      default -> throw new IllegalArgumentException("unknown scenario " + name);
    };
  }
}
