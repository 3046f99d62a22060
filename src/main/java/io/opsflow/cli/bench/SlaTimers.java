package io.opsflow.cli.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opsflow.workflow.EngineFactory;
import io.opsflow.workflow.WorkflowRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code sla-timers}: how late SLA warning timers fire with many of them open. No opsflow instance:
 * a Camunda engine built by {@link EngineFactory} (through {@link WorkflowRuntime}) on an H2 file
 * database in a temporary directory, with the models deployed, incident steps that do nothing and
 * {@link TimedSteps} as the SLA port. {@code timers} clocks are started ({@code startSla}, the
 * production path) by {@code creators} threads; clock k answers {@code running} with its warning
 * due at {@code t0 + lead + k * window / timers} (t0 = just before the first start), so the due
 * instants are spread evenly over the window and all clocks exist before the first is due. The
 * {@code warn} task records its wall-clock time minus the due instant (the lateness); the next
 * {@code schedule} answers {@code stopped}, so the instance ends.
 */
final class SlaTimers {
  private SlaTimers() {}

  /** What to run. {@code stockJobExecutor}: Camunda's own 5 s / 60 s acquisition pauses. */
  record Settings(
      int timers,
      int windowSeconds,
      int leadSeconds,
      int creators,
      boolean stockJobExecutor,
      String historyLevel,
      Path workflows,
      Duration timeout,
      int observeSeconds,
      boolean unorderedAcquisition,
      PrintWriter progress) {}

  static BenchResult run(Settings s) throws Exception {
    Path dir = Files.createTempDirectory("opsflow-bench-sla");
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(
        "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
    hikari.setMaximumPoolSize(20);
    hikari.setPoolName("opsflow-bench-sla");
    hikari.setAutoCommit(true);
    EngineFactory.Options options =
        EngineFactory.Options.defaults().withHistoryLevel(s.historyLevel());
    if (s.unorderedAcquisition()) {
      options = options.withAcquireByDueDate(false);
    }
    if (s.stockJobExecutor()) {
      options = options.withJobExecutor(true, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }
    TimedSteps steps =
        new TimedSteps("bench-sla-" + Long.toHexString(System.nanoTime()) + "-c", s.timers());
    try (HikariDataSource ds = new HikariDataSource(hikari);
        WorkflowRuntime runtime =
            WorkflowRuntime.start(ds, new NoIncidentSteps(), steps, options, s.workflows())) {
      return SlaTimerMeasure.measure(s, runtime, steps);
    } finally {
      deleteQuietly(dir);
    }
  }

  static void say(Settings s, String line) {
    s.progress().println(line);
    s.progress().flush();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
