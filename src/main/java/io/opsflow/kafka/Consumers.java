package io.opsflow.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.db.ConsumerOffsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer loops of the modules' subscriptions, one thread each; stopped in reverse, each
 * finishing its batch. Refused records go to the dead-letter topic through {@code producer}.
 */
public final class Consumers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Consumers.class);
  private final List<ConsumerLoop> loops = new ArrayList<>();

  /** What the loops need: the broker, the instance's id, the store's health and its positions. */
  public record Parts(
      String bootstrap,
      String instanceId,
      KafkaProducer<byte[], byte[]> producer,
      BooleanSupplier storeHealthy,
      ConsumerOffsets offsets,
      MeterRegistry metrics) {}

  private Consumers() {}

  /** Starts one loop per subscription, in order; on failure stops those started. */
  public static Consumers start(Parts p, List<Subscription> subscriptions) {
    Consumers consumers = new Consumers();
    try {
      for (Subscription s : subscriptions) {
        consumers.start(p, s);
      }
      return consumers;
    } catch (RuntimeException | Error e) {
      consumers.close();
      throw e;
    }
  }

  private void start(Parts p, Subscription s) {
    ConsumerLoop loop =
        new ConsumerLoop(
            p.bootstrap(),
            s.group(),
            p.instanceId() + s.member(),
            s.topic(),
            s.handler(),
            p.producer(),
            p.storeHealthy(),
            topic -> p.offsets().positions(s.group(), topic),
            p.metrics());
    Thread t = new Thread(loop, "opsflow-consumer-" + loops.size());
    t.start();
    loops.add(loop);
  }

  /** Whether every loop still runs. */
  public boolean alive() {
    return loops.stream().allMatch(ConsumerLoop::alive);
  }

  @Override
  public void close() {
    for (int i = loops.size() - 1; i >= 0; i--) {
      try {
        loops.get(i).close();
      } catch (Exception e) {
        log.warn("stopping a consumer failed: {}", e.toString());
      }
    }
  }
}
