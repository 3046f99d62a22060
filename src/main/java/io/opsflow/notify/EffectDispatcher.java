package io.opsflow.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.db.Drainer;
import io.opsflow.notify.model.EffectFailure;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the effect outbox: claims due effects (one per incident at a time, so an incident's
 * effects keep their order), runs them through the ports on a small pool, and records the outcome
 * with its timeline lines. A transient failure is retried with backoff (or the vendor's {@code
 * Retry-After}) for up to a day; a permanent one is recorded on the timeline and the incident
 * carries on.
 */
public final class EffectDispatcher extends Drainer {
  private static final Logger log = LoggerFactory.getLogger(EffectDispatcher.class);
  private static final long LEASE_MS = 120_000;
  private static final int IN_FLIGHT = 64;

  private final EffectStore store;
  private final EffectRunner runner;
  private final EffectResults results;
  private final Clock clock;
  private final ExecutorService pool;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

  public EffectDispatcher(
      EffectStore store,
      Database db,
      EffectPorts ports,
      Clock clock,
      MeterRegistry metrics,
      int threads) {
    super("opsflow-effects", 1000);
    EffectOutcomes outcomes = new EffectOutcomes(db, store);
    this.store = store;
    this.runner = new EffectRunner(new Delivery(new Rooms(db), db, ports, clock, outcomes));
    this.results = new EffectResults(outcomes, clock, metrics, this::wake);
    this.clock = clock;
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
      results.done(row, kind, runner.run(row));
    } catch (EffectFailure f) {
      results.failed(row, kind, f);
    } catch (RuntimeException e) {
      log.warn("effect {} ({}) failed unexpectedly", row.seq(), kind, e);
      results.failed(row, kind, EffectFailure.retry("internal", e.toString(), e));
    }
  }

  @Override
  public void close() {
    super.close();
    pool.shutdownNow();
  }
}
