package io.opsflow.config;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.db.Wakeups;
import io.opsflow.kafka.KafkaModule;
import io.opsflow.kafka.Publisher;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What every module is given: the configuration, the database, the broker, the meters, the clock,
 * the pollers to wake after a commit, and the address the instance answers at (known once the
 * server has started).
 */
public record Platform(
    OpsflowConfig config,
    Database db,
    KafkaModule kafka,
    PrometheusMeterRegistry metrics,
    Clock clock,
    Wakeups wake,
    Supplier<String> publicUrl) {

  /** The publisher of the intake, the actions and the scanners. */
  public Publisher publisher() {
    return kafka.publisher();
  }
}
