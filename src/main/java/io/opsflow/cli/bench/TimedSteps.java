package io.opsflow.cli.bench;

import io.opsflow.sla.model.SlaProcessSteps;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The SLA port of the benchmark: clock {@code <prefix><k>} is due at {@code dueMillis[k]} (set by
 * {@link #plan} before any clock starts).
 */
final class TimedSteps implements SlaProcessSteps {
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
