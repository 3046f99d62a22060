package io.opsflow.cli.bench;

import io.opsflow.workflow.WorkflowRuntime;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** One {@code sla-timers} measurement: starts the clocks, watches them fire, sums up. */
final class SlaTimerMeasure {
  private SlaTimerMeasure() {}

  static BenchResult measure(SlaTimers.Settings s, WorkflowRuntime runtime, TimedSteps steps)
      throws InterruptedException {
    int n = s.timers();
    Map<String, Object> jobExecutor = runtime.jobExecutorSettings();
    SlaTimers.say(s, "job executor " + jobExecutor + ", history " + s.historyLevel());
    double loadBefore = load();
    long t0 = System.currentTimeMillis();
    steps.plan(t0 + s.leadSeconds() * 1000L, s.windowSeconds() * 1000L);
    ClockCreators creators = new ClockCreators(runtime, steps);
    long c0 = System.nanoTime();
    long cpu0 = cpuNanos();
    creators.start(s.creators());
    long lastDue = steps.dueMillis[n - 1];
    long observeEnd =
        s.observeSeconds() > 0
            ? Math.min(lastDue, steps.dueMillis[0] + s.observeSeconds() * 1000L)
            : lastDue;
    boolean partial = observeEnd < lastDue;
    int expected = steps.dueBy(observeEnd);
    long deadline = observeEnd + s.timeout().toMillis();
    creators.await(deadline);
    double createSeconds = (System.nanoTime() - c0) / 1e9;
    long cpuCreated = cpuNanos();
    SlaTimers.say(
        s,
        String.format(
            "created %d clocks in %.2f s (%d failed, %d after their due instant); first due in %d"
                + " ms; observing the %d due in the first %d s",
            n - creators.failed(),
            createSeconds,
            creators.failed(),
            creators.createdAfterDue(),
            steps.dueMillis[0] - System.currentTimeMillis(),
            expected,
            (observeEnd - steps.dueMillis[0]) / 1000));
    long lastSay = System.currentTimeMillis();
    while (steps.firedOf(observeEnd) < expected - creators.failed()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      if (System.currentTimeMillis() - lastSay >= 10_000) {
        lastSay = System.currentTimeMillis();
        SlaTimers.say(s, "fired " + steps.firedOf(observeEnd) + " of " + expected);
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
    extra.put("createFailures", creators.failed());
    extra.put("createdAfterDue", creators.createdAfterDue());
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

  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
