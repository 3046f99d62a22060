package io.opsflow.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.db.Drainer;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.model.Effect;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.EffectPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the effect outbox: claims due effects (one per incident at a time, so an incident's
 * effects keep their order), runs them through the ports on a small pool, and records the outcome
 * with its timeline lines. A transient failure is retried with backoff (or the vendor's {@code
 * Retry-After}) for up to {@link #GIVE_UP_AFTER}; a permanent one is recorded on the timeline and
 * the incident carries on.
 */
public final class EffectDispatcher extends Drainer {
  private static final Logger log = LoggerFactory.getLogger(EffectDispatcher.class);
  static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
  private static final long LEASE_MS = 120_000;
  private static final String ACTOR = "opsflow:effects";

  private final EffectStore store;
  private final EffectRunner runner;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final ExecutorService pool;
  private static final int IN_FLIGHT = 64;
  private final java.util.concurrent.Semaphore inFlight =
      new java.util.concurrent.Semaphore(IN_FLIGHT);

  public EffectDispatcher(
      EffectStore store,
      Database db,
      EffectPorts ports,
      Clock clock,
      MeterRegistry metrics,
      int threads) {
    super("opsflow-effects", 1000);
    this.store = store;
    this.runner = new EffectRunner(store, db, ports, clock);
    this.clock = clock;
    this.metrics = metrics;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "opsflow-effect-worker");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Claims what is due and hands it to the workers without waiting for them: a slow vendor call
   * holds back only its own incident (whose next effect is not due while this one is claimed), and
   * a worker that finishes wakes the loop so the incident's next effect goes at once. At most
   * {@link #IN_FLIGHT} effects are claimed and not yet delivered.
   */
  @Override
  protected int drainOnce() throws Exception {
    int room = inFlight.availablePermits();
    if (room == 0) {
      inFlight.acquire();
      inFlight.release();
      return 1;
    }
    List<EffectRow> claimed = store.claimDue(clock.millis(), LEASE_MS, Math.min(room, 200));
    for (EffectRow row : claimed) {
      inFlight.acquire();
      pool.execute(
          () -> {
            try {
              deliver(row);
            } finally {
              inFlight.release();
              wake();
            }
          });
    }
    return claimed.size();
  }

  /** Delivers one claimed effect now (also what tests call). */
  void deliver(EffectRow row) {
    String kind = row.effect().getClass().getSimpleName();
    try {
      Delivered d = runner.run(row);
      finish(row, EffectStore.DONE, d.result(), null, d.timeline(), d.followUps());
      count(kind, "done");
    } catch (EffectFailure f) {
      failed(row, kind, f);
    } catch (RuntimeException e) {
      log.warn("effect {} ({}) failed unexpectedly", row.seq(), kind, e);
      failed(row, kind, EffectFailure.retry("internal", e.toString(), e));
    }
  }

  private void failed(EffectRow row, String kind, EffectFailure f) {
    long now = clock.millis();
    if (!f.retryable()) {
      finish(row, EffectStore.FAILED, null, f.reason(), List.of(failure(row.effect(), f)), null);
      count(kind, "failed");
      return;
    }
    boolean paced = "paced".equals(f.code());
    long delay = f.retryAfter().map(Duration::toMillis).orElse(backoff(row.attemptsBefore() + 1));
    if (!paced && now + delay - row.createdMs() > GIVE_UP_AFTER.toMillis()) {
      finish(
          row,
          EffectStore.FAILED,
          null,
          f.reason(),
          List.of(
              failure(row.effect(), f)
                  + " (gave up after "
                  + (row.attemptsBefore() + 1)
                  + " attempts)"),
          null);
      count(kind, "gave_up");
      return;
    }
    store.retryLater(row.seq(), f.reason(), now + delay, paced);
    count(kind, paced ? "paced" : "retried");
  }

  private void finish(
      EffectRow row,
      String status,
      String result,
      String error,
      List<String> lines,
      EffectPlan followUps) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (String line : lines) {
      entries.add(
          new TimelineEntry(row.effect().incidentId(), clock.instant(), "effect", ACTOR, line));
    }
    store.finish(
        row.seq(),
        status,
        result,
        error,
        clock.millis(),
        entries,
        followUps == null ? EffectPlan.none() : followUps);
    if (followUps != null && !followUps.effects().isEmpty()) {
      wake();
    }
  }

  /** 1 s, 2 s, 4 s ... capped at 10 minutes. */
  static long backoff(int attempt) {
    long ms = 1000L << Math.min(Math.max(attempt - 1, 0), 20);
    return Math.min(ms, Duration.ofMinutes(10).toMillis());
  }

  static String failure(Effect e, EffectFailure f) {
    String what =
        e instanceof Effect.OpenRoom
            ? "War room not opened"
            : e instanceof Effect.RefreshSummary
                ? "Summary in the war room not updated"
                : e instanceof Effect.Page p
                    ? "Page to " + p.person().userId() + " not sent"
                    : e instanceof Effect.Invite
                        ? "Invitations to the war room not sent"
                        : e instanceof Effect.OpenBridge
                            ? "Conference bridge not opened"
                            : e instanceof Effect.SendMail m
                                ? "Mail to " + String.join(", ", m.to()) + " not sent"
                                : "Message not posted";
    return what + ": " + f.reason();
  }

  private void count(String kind, String outcome) {
    metrics.counter("opsflow.effects", "kind", kind, "outcome", outcome).increment();
  }

  @Override
  public void close() {
    super.close();
    pool.shutdownNow();
  }
}
