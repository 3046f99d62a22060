package io.opsflow.cli;

import io.opsflow.App;
import io.opsflow.cli.bench.BenchApi;
import io.opsflow.cli.bench.BenchContext;
import io.opsflow.cli.bench.BenchResult;
import io.opsflow.cli.bench.Scenarios;
import io.opsflow.config.ConfigLoader;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.fakes.FakeSlackServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
      if (url != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), Scenarios.SLA_TIMERS + " builds an engine of its own; drop --url");
      }
      int timers = alerts != null ? alerts : 10_000;
      if (timers < 1 || lead < 0 || observe < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "sizes must be positive");
      }
      String history = System.getenv("OPSFLOW_HISTORY_LEVEL");
      String workflows = System.getenv("OPSFLOW_WORKFLOWS_DIR");
      result =
          Scenarios.runSlaTimers(
              timers,
              seconds,
              lead,
              clients,
              stockJobExecutor,
              history != null ? history : "full",
              Path.of(workflows != null ? workflows : "workflows"),
              Duration.ofSeconds(timeout),
              observe,
              unorderedAcquisition,
              err);
      PrintWriter out = spec.commandLine().getOut();
      out.println(json ? result.toJson() : result.describe());
      out.flush();
      return 0;
    }
    if (url != null && scenario.equals(FIRST_SLACK_MESSAGE)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          FIRST_SLACK_MESSAGE
              + " runs only on an instance it starts, with a local Slack server it reads the"
              + " posts from; drop --url");
    }
    if (url != null) {
      String admin = token != null ? token : System.getenv("OPSFLOW_ADMIN_TOKEN");
      BenchApi api;
      try {
        api = new BenchApi(url, admin);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      result = run(api, kafka, null, err);
    } else {
      result = runEmbedded(err);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? result.toJson() : result.describe());
    out.flush();
    return 0;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  /**
   * Starts opsflow on a free port in a temporary directory, runs, stops it, deletes the dir. For
   * {@code first-slack-message} the instance posts to a local Slack server started for the run.
   */
  private BenchResult runEmbedded(PrintWriter err) throws Exception {
    if (scenario.equals(FIRST_SLACK_MESSAGE)) {
      try (FakeSlackServer slack = new FakeSlackServer()) {
        return runEmbedded(slack, err);
      }
    }
    return runEmbedded(null, err);
  }

  private BenchResult runEmbedded(FakeSlackServer slack, PrintWriter err) throws Exception {
    Path dir = Files.createTempDirectory("opsflow-bench");
    String admin = HexFormat.of().formatHex(randomBytes(24));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OPSFLOW_CONFIG", dir.resolve("none.yaml").toString());
    env.put("OPSFLOW_DATA_DIR", dir.toString());
    env.put("OPSFLOW_ADMIN_TOKEN", admin);
    env.put("OPSFLOW_HTTP_PORT", "0");
    for (String passed :
        new String[] {
          "OPSFLOW_HISTORY_LEVEL",
          "OPSFLOW_WORKFLOWS_DIR",
          "OPSFLOW_ALERT_CONSUMERS",
          "OPSFLOW_ONCALL_DIR"
        }) {
      if (System.getenv(passed) != null) {
        env.put(passed, System.getenv(passed));
      }
    }
    if (slack != null) {
      env.put("OPSFLOW_SLACK_BOT_TOKEN", slack.token());
      env.put("OPSFLOW_SLACK_SIGNING_SECRET", HexFormat.of().formatHex(randomBytes(16)));
      env.put("OPSFLOW_SLACK_API_URL", slack.url());
    }
    OpsflowConfig config = new ConfigLoader(env).load();
    try (App app = App.start(config)) {
      BenchApi api = new BenchApi("http://127.0.0.1:" + app.httpPort(), admin);
      return run(api, app.kafkaBootstrap(), slack, err);
    } finally {
      deleteQuietly(dir);
    }
  }

  private BenchResult run(BenchApi api, String bootstrap, FakeSlackServer slack, PrintWriter err)
      throws Exception {
    String runId = HexFormat.of().formatHex(randomBytes(4));
    BenchContext c =
        new BenchContext(
            api,
            api.createIntegration("bench-" + runId),
            bootstrap,
            runId,
            alerts != null ? alerts : scenario.startsWith("kafka") ? 200_000 : 100_000,
            groups,
            batch,
            clients,
            rate,
            seconds,
            Duration.ofSeconds(timeout),
            err,
            slack);
    c.say("bench " + scenario + ", run " + runId);
    return Scenarios.run(scenario, c);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
