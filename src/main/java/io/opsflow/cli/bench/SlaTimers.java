package io.opsflow.cli.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opsflow.sla.model.SlaProcessSteps;
import io.opsflow.workflow.EngineFactory;
import io.opsflow.workflow.WorkflowRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
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

  /**
   * The SLA port of the benchmark: clock {@code <prefix><k>} is due at {@code dueMillis[k]} (set by
   * {@link #plan} before any clock starts).
   */
  static final class TimedSteps implements SlaProcessSteps {
    private final String prefix;
    final long[] dueMillis;
    private final String[] dueText;
    private final String[] breachText;
    final AtomicLongArray firedAt;
    final AtomicInteger fired = new AtomicInteger();
    final AtomicInteger warnCalls = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();

    TimedSteps(String prefix, int timers) {
      this.prefix = prefix;
      this.dueMillis = new long[timers];
      this.dueText = new String[timers];
      this.breachText = new String[timers];
      this.firedAt = new AtomicLongArray(timers);
    }

    /** Spreads the due instants evenly over {@code windowMillis} from {@code firstDue}. */
    void plan(long firstDue, long windowMillis) {
      int n = dueMillis.length;
      for (int k = 0; k < n; k++) {
        dueMillis[k] = firstDue + k * windowMillis / n;
        dueText[k] = Instant.ofEpochMilli(dueMillis[k]).toString();
        breachText[k] = Instant.ofEpochMilli(dueMillis[k]).plus(Duration.ofHours(1)).toString();
      }
    }

    String clockId(int k) {
      return prefix + k;
    }

    private int index(String clockId) {
      return Integer.parseInt(clockId.substring(prefix.length()));
    }

    @Override
    public Schedule schedule(String clockId) {
      int k = index(clockId);
      return firedAt.get(k) != 0
          ? Schedule.stopped()
          : new Schedule(Schedule.RUNNING, dueText[k], breachText[k]);
    }

    @Override
    public void warn(String clockId) {
      long now = System.currentTimeMillis();
      warnCalls.incrementAndGet();
      if (firedAt.compareAndSet(index(clockId), 0, now)) {
        fired.incrementAndGet();
      }
    }

    @Override
    public void breach(String clockId) {}

    @Override
    public void finish(String clockId) {
      finished.incrementAndGet();
    }

    /** How many timers are due by {@code until} (epoch ms). */
    int dueBy(long until) {
      int n = 0;
      for (long due : dueMillis) {
        if (due <= until) {
          n++;
        }
      }
      return n;
    }

    /** How many of the timers due by {@code until} have fired. */
    int firedOf(long until) {
      int n = 0;
      for (int k = 0; k < dueMillis.length; k++) {
        if (dueMillis[k] <= until && firedAt.get(k) != 0) {
          n++;
        }
      }
      return n;
    }

    /**
     * Lateness of every fired timer due by {@code until} in nanoseconds (whole milliseconds), in
     * {@code out}.
     */
    int lateness(long[] out, long until) {
      int n = 0;
      for (int k = 0; k < dueMillis.length; k++) {
        long at = firedAt.get(k);
        if (at != 0 && dueMillis[k] <= until) {
          out[n++] = (at - dueMillis[k]) * 1_000_000L;
        }
      }
      return n;
    }
  }

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
      return measure(s, runtime, steps);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static BenchResult measure(Settings s, WorkflowRuntime runtime, TimedSteps steps)
      throws InterruptedException {
    int n = s.timers();
    Map<String, Object> jobExecutor = runtime.jobExecutorSettings();
    say(s, "job executor " + jobExecutor + ", history " + s.historyLevel());
    double loadBefore = load();
    long t0 = System.currentTimeMillis();
    steps.plan(t0 + s.leadSeconds() * 1000L, s.windowSeconds() * 1000L);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger createdAfterDue = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService creators = Executors.newFixedThreadPool(s.creators());
    long c0 = System.nanoTime();
    long cpu0 = cpuNanos();
    for (int t = 0; t < s.creators(); t++) {
      creators.execute(
          () -> {
            for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
              try {
                runtime.incidents().startSla(steps.clockId(k));
              } catch (RuntimeException e) {
                failed.incrementAndGet();
              }
              if (System.currentTimeMillis() >= steps.dueMillis[k]) {
                createdAfterDue.incrementAndGet();
              }
            }
          });
    }
    creators.shutdown();
    long lastDue = steps.dueMillis[n - 1];
    long observeEnd =
        s.observeSeconds() > 0
            ? Math.min(lastDue, steps.dueMillis[0] + s.observeSeconds() * 1000L)
            : lastDue;
    boolean partial = observeEnd < lastDue;
    int expected = steps.dueBy(observeEnd);
    long deadline = observeEnd + s.timeout().toMillis();
    creators.awaitTermination(
        Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
    double createSeconds = (System.nanoTime() - c0) / 1e9;
    long cpuCreated = cpuNanos();
    say(
        s,
        String.format(
            "created %d clocks in %.2f s (%d failed, %d after their due instant); first due in %d"
                + " ms; observing the %d due in the first %d s",
            n - failed.get(),
            createSeconds,
            failed.get(),
            createdAfterDue.get(),
            steps.dueMillis[0] - System.currentTimeMillis(),
            expected,
            (observeEnd - steps.dueMillis[0]) / 1000));
    long lastSay = System.currentTimeMillis();
    while (steps.firedOf(observeEnd) < expected - failed.get()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      if (System.currentTimeMillis() - lastSay >= 10_000) {
        lastSay = System.currentTimeMillis();
        say(s, "fired " + steps.firedOf(observeEnd) + " of " + expected);
      }
    }
    double loadAfter = load();
    long cpuFired = cpuNanos();
    long openAtEnd = runtime.runningSlaClocks();
    long running = openAtEnd;
    for (int i = 0;
        !partial && i < 100 && running > 0 && System.currentTimeMillis() < deadline;
        i++) {
      Thread.sleep(100);
      running = runtime.runningSlaClocks();
    }
    long[] late = new long[n];
    int fired = steps.lateness(late, observeEnd);
    int early = 0;
    for (int i = 0; i < fired; i++) {
      if (late[i] < 0) {
        early++;
      }
    }
    Map<String, Double> p = BenchResult.percentiles(late, fired);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("timers", n);
    extra.put("windowSeconds", s.windowSeconds());
    extra.put("leadSeconds", s.leadSeconds());
    extra.put("creators", s.creators());
    extra.put("createSeconds", BenchResult.round(createSeconds));
    extra.put("createdPerSecond", BenchResult.round(n / createSeconds));
    extra.put("createFailures", failed.get());
    extra.put("createdAfterDue", createdAfterDue.get());
    extra.put("observedSeconds", (observeEnd - steps.dueMillis[0]) / 1000);
    extra.put("observed", expected);
    extra.put("fired", fired);
    extra.put("missing", expected - fired);
    extra.put("openWhenObserved", openAtEnd);
    extra.put("early", early);
    extra.put("minMs", fired == 0 ? null : BenchResult.round(late[0] / 1e6));
    extra.put("p90Ms", p.get("p90"));
    extra.put("maxMs", p.get("max"));
    extra.put("warnCalls", steps.warnCalls.get());
    extra.put("finished", steps.finished.get());
    extra.put("stillRunning", running);
    extra.put("historyLevel", s.historyLevel());
    extra.put("jobExecutor", jobExecutor);
    extra.put("loadBefore", BenchResult.round(loadBefore));
    extra.put("loadAfter", BenchResult.round(loadAfter));
    // CPU time of this process (every thread), which the other work on the machine does not
    // inflate the way it stretches wall-clock time
    extra.put("cpuMsPerCreated", BenchResult.round((cpuCreated - cpu0) / 1e6 / Math.max(1, n)));
    extra.put(
        "cpuMsPerFired", BenchResult.round((cpuFired - cpuCreated) / 1e6 / Math.max(1, fired)));
    return new BenchResult(
        "sla-timers", n, 0, createSeconds, n / createSeconds, 0, p.get("p50"), p.get("p99"), extra);
  }

  private static void say(Settings s, String line) {
    s.progress().println(line);
    s.progress().flush();
  }

  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
