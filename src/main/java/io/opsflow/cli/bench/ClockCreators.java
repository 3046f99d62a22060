package io.opsflow.cli.bench;

import io.opsflow.workflow.WorkflowRuntime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads of {@code sla-timers} that start the SLA clocks, taking the next one in turn. */
final class ClockCreators {
  private final WorkflowRuntime runtime;
  private final TimedSteps steps;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger createdAfterDue = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private ExecutorService creators;

  ClockCreators(WorkflowRuntime runtime, TimedSteps steps) {
    this.runtime = runtime;
    this.steps = steps;
  }

  void start(int threads) {
    int n = steps.dueMillis.length;
    creators = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
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
  }

  /** Waits for the creators until {@code deadline} (epoch ms). */
  void await(long deadline) throws InterruptedException {
    creators.awaitTermination(
        Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
  }

  int failed() {
    return failed.get();
  }

  int createdAfterDue() {
    return createdAfterDue.get();
  }
}
