package io.opsflow.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.db.ConsumerOffsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The broker: the embedded one under the data directory or the configured one, the shared clients,
 * the topics ensured, and the publisher the modules write records through.
 */
public final class KafkaModule implements AutoCloseable {
  private final EmbeddedKafka embedded;
  private final KafkaClients clients;
  private final String bootstrap;
  private final Publisher publisher;

  /** Where the broker is: embedded under {@code dataDir}, or at {@code bootstrap}. */
  public record Parts(boolean embedded, Path dataDir, Optional<String> bootstrap) {}

  private KafkaModule(EmbeddedKafka embedded, KafkaClients clients, String bootstrap) {
    this.embedded = embedded;
    this.clients = clients;
    this.bootstrap = bootstrap;
    this.publisher = new Publisher(clients.producer());
  }

  /** Starts (or reaches) the broker and ensures the topics; on failure stops what it started. */
  public static KafkaModule start(Parts p) {
    EmbeddedKafka embedded =
        p.embedded() ? EmbeddedKafka.start(p.dataDir().resolve("kafka"), 0) : null;
    KafkaClients clients = null;
    try {
      String bootstrap =
          embedded != null ? embedded.bootstrapServers() : p.bootstrap().orElseThrow();
      clients = new KafkaClients(bootstrap);
      Topics.load().ensure(clients.admin());
      return new KafkaModule(embedded, clients, bootstrap);
    } catch (RuntimeException | Error e) {
      closeQuietly(clients);
      closeQuietly(embedded);
      throw e;
    }
  }

  public String bootstrap() {
    return bootstrap;
  }

  public KafkaProducer<byte[], byte[]> producer() {
    return clients.producer();
  }

  /** The publisher of the intake, the actions and the scanners. */
  public Publisher publisher() {
    return publisher;
  }

  /**
   * Starts the consumer loops of the modules' subscriptions, members of {@code instanceId}; they
   * pause while the store is down and start from the positions stored with each batch.
   */
  public Consumers consume(
      String instanceId,
      BooleanSupplier storeHealthy,
      ConsumerOffsets offsets,
      MeterRegistry metrics,
      List<Subscribed> modules) {
    return Consumers.start(
        new Consumers.Parts(bootstrap, instanceId, producer(), storeHealthy, offsets, metrics),
        modules.stream().flatMap(m -> m.subscriptions().stream()).toList());
  }

  public boolean healthy() {
    return clients.healthy();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // the start's failure is the one to report
    }
  }

  @Override
  public void close() {
    try {
      clients.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
