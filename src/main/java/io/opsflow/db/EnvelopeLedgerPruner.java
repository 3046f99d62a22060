package io.opsflow.db;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ledger of applied envelope ids from growing without bound: once the alert topic's
 * retention has dropped a record, its id can never come back, so it is forgotten (with a day of
 * margin). Runs hourly.
 */
public final class EnvelopeLedgerPruner extends Drainer {
  private static final Logger log = LoggerFactory.getLogger(EnvelopeLedgerPruner.class);

  private final OutboxRepository repository;
  private final Duration keep;
  private final Clock clock;

  public EnvelopeLedgerPruner(OutboxRepository repository, Duration retention, Clock clock) {
    super("opsflow-ledger-pruner", Duration.ofHours(1).toMillis());
    this.repository = repository;
    this.keep = retention.plusDays(1);
    this.clock = clock;
  }

  @Override
  protected int drainOnce() {
    int forgotten = repository.forgetEnvelopesBefore(clock.instant().minus(keep));
    if (forgotten > 0) {
      log.info("forgot {} envelope ids older than {}", forgotten, keep);
    }
    return 0;
  }
}
