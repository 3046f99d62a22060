package io.opsflow.uptime;

import io.opsflow.db.Drainer;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code check_result} from growing without bound: results older than the retention ({@code
 * OPSFLOW_CHECK_RESULT_RETENTION}, 400 days by default, so that a year of monthly uptime reports
 * can still be asked for) are deleted. Runs at start and then hourly.
 */
public final class CheckResultPruner extends Drainer {
  private static final Logger log = LoggerFactory.getLogger(CheckResultPruner.class);

  private final CheckResultStore results;
  private final Duration retention;
  private final Clock clock;

  public CheckResultPruner(
      CheckResultStore results, Duration retention, Clock clock, long everyMillis) {
    super("opsflow-check-result-pruner", everyMillis);
    this.results = results;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  protected int drainOnce() {
    prune();
    return 0; // wait for the next tick either way
  }

  /** One pass; returns how many results were deleted. */
  public int prune() {
    int forgotten = results.forgetBefore(clock.instant().minus(retention));
    if (forgotten > 0) {
      log.info("deleted {} check results older than {}", forgotten, retention);
    }
    return forgotten;
  }
}
