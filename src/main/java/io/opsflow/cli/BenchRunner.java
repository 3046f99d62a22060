package io.opsflow.cli;

import io.opsflow.cli.bench.BenchApi;
import io.opsflow.cli.bench.BenchContext;
import io.opsflow.cli.bench.BenchResult;
import io.opsflow.cli.bench.Scenarios;
import io.opsflow.fakes.FakeSlackServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import picocli.CommandLine;

/** Runs the scenario a {@link BenchCommand} names, with its options. */
final class BenchRunner {
  private BenchRunner() {}

  /** {@code sla-timers}: an engine of its own, no opsflow instance. */
  static BenchResult slaTimers(BenchCommand c, PrintWriter err) throws Exception {
    if (c.url != null) {
      throw new CommandLine.ParameterException(
          c.spec.commandLine(), Scenarios.SLA_TIMERS + " builds an engine of its own; drop --url");
    }
    int timers = c.alerts != null ? c.alerts : 10_000;
    if (timers < 1 || c.lead < 0 || c.observe < 0) {
      throw new CommandLine.ParameterException(c.spec.commandLine(), "sizes must be positive");
    }
    String history = System.getenv("OPSFLOW_HISTORY_LEVEL");
    String workflows = System.getenv("OPSFLOW_WORKFLOWS_DIR");
    return Scenarios.runSlaTimers(
        timers,
        c.seconds,
        c.lead,
        c.clients,
        c.stockJobExecutor,
        history != null ? history : "full",
        Path.of(workflows != null ? workflows : "workflows"),
        Duration.ofSeconds(c.timeout),
        c.observe,
        c.unorderedAcquisition,
        err);
  }

  static BenchResult run(
      BenchCommand cmd, BenchApi api, String bootstrap, FakeSlackServer slack, PrintWriter err)
      throws Exception {
    String runId = HexFormat.of().formatHex(randomBytes(4));
    BenchContext c =
        new BenchContext(
            api,
            api.createIntegration("bench-" + runId),
            bootstrap,
            runId,
            cmd.alerts != null ? cmd.alerts : cmd.scenario.startsWith("kafka") ? 200_000 : 100_000,
            cmd.groups,
            cmd.batch,
            cmd.clients,
            cmd.rate,
            cmd.seconds,
            Duration.ofSeconds(cmd.timeout),
            err,
            slack);
    c.say("bench " + cmd.scenario + ", run " + runId);
    return Scenarios.run(cmd.scenario, c);
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
