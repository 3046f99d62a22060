package io.opsflow.cli;

import io.opsflow.cli.bench.BenchApi;
import io.opsflow.cli.bench.BenchResult;
import io.opsflow.cli.bench.Scenarios;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code opsflow bench}: drives a running opsflow ({@code --url}) or one started for the run in a
 * temporary directory, and prints throughput and latency. Every wait is bounded by {@code
 * --timeout}; only loopback addresses are driven.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure alert throughput and intake-to-visible latency.")
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--url", description = "a running opsflow (default: start one for the run)")
  String url;

  @Option(names = "--token", description = "admin token of --url (default: OPSFLOW_ADMIN_TOKEN)")
  String token;

  @Option(names = "--kafka", description = "bootstrap servers of --url's broker")
  String kafka;

  @Option(
      names = "--scenario",
      required = true,
      description =
          "kafka-duplicates, http-alertmanager, latency, first-slack-message (embedded only) or"
              + " sla-timers (an engine of its own)")
  String scenario;

  @Option(
      names = "--alerts",
      description = "default 200000 (kafka), 100000 (http), 10000 timers (sla-timers)")
  Integer alerts;

  @Option(names = "--groups", defaultValue = "100", description = "distinct alert groups")
  int groups;

  @Option(names = "--batch", defaultValue = "100", description = "alerts per Alertmanager post")
  int batch;

  @Option(names = "--clients", defaultValue = "4", description = "concurrent HTTP clients")
  int clients;

  @Option(names = "--rate", defaultValue = "500", description = "alerts/s (latency)")
  int rate;

  @Option(
      names = "--seconds",
      defaultValue = "20",
      description = "duration (latency); window the timers fall due in (sla-timers)")
  int seconds;

  @Option(
      names = "--lead",
      defaultValue = "30",
      description = "sla-timers: seconds from the start until the first timer is due")
  int lead;

  @Option(
      names = "--stock-job-executor",
      description = "sla-timers: Camunda's own 5 s / 60 s acquisition pauses, not opsflow's")
  boolean stockJobExecutor;

  @Option(
      names = "--unordered-acquisition",
      description =
          "sla-timers: Camunda's unordered job acquisition without the due-date index, not"
              + " opsflow's")
  boolean unorderedAcquisition;

  @Option(
      names = "--observe",
      defaultValue = "0",
      description =
          "sla-timers: measure only the timers due in the first N seconds of the window, with the"
              + " rest still open (0 = all)")
  int observe;

  @Option(names = "--timeout", defaultValue = "120", description = "seconds any wait may take")
  int timeout;

  @Option(names = "--json", description = "print the result as one JSON object, last")
  boolean json;

  static final String FIRST_SLACK_MESSAGE = "first-slack-message";

  @Override
  public Integer call() throws Exception {
    if (!Scenarios.NAMES.contains(scenario)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--scenario must be one of " + Scenarios.NAMES);
    }
    if (groups < 1 || batch < 1 || clients < 1 || rate < 1 || seconds < 1 || timeout < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "sizes must be positive");
    }
    PrintWriter err = spec.commandLine().getErr();
    BenchResult result;
    if (scenario.equals(Scenarios.SLA_TIMERS)) {
      result = BenchRunner.slaTimers(this, err);
    } else if (url != null && scenario.equals(FIRST_SLACK_MESSAGE)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          FIRST_SLACK_MESSAGE
              + " runs only on an instance it starts, with a local Slack server it reads the"
              + " posts from; drop --url");
    } else if (url != null) {
      String admin = token != null ? token : System.getenv("OPSFLOW_ADMIN_TOKEN");
      BenchApi api;
      try {
        api = new BenchApi(url, admin);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      result = BenchRunner.run(this, api, kafka, null, err);
    } else {
      result = EmbeddedBench.run(this, err);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? result.toJson() : result.describe());
    out.flush();
    return 0;
  }
}
