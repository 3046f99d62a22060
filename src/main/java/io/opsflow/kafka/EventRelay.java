package io.opsflow.kafka;

import io.opsflow.db.Drainer;
import io.opsflow.db.EventOutboxRow;
import io.opsflow.db.OutboxRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes the event outbox to Kafka, in order, and deletes rows once the broker acknowledged
 * them. A crash between the two publishes a row again with the same CloudEvents id, which receivers
 * discard.
 */
public final class EventRelay extends Drainer {
  private final OutboxRepository outbox;
  private final KafkaProducer<byte[], byte[]> producer;

  public EventRelay(OutboxRepository outbox, KafkaProducer<byte[], byte[]> producer) {
    super("opsflow-event-relay", 500);
    this.outbox = outbox;
    this.producer = producer;
  }

  @Override
  protected int drainOnce() throws Exception {
    List<EventOutboxRow> rows = outbox.nextEvents(1000);
    if (rows.isEmpty()) {
      return 0;
    }
    List<Future<?>> acks = new ArrayList<>(rows.size());
    for (EventOutboxRow r : rows) {
      acks.add(
          producer.send(
              new ProducerRecord<>(
                  r.topic(),
                  r.recordKey().getBytes(StandardCharsets.UTF_8),
                  r.payload().getBytes(StandardCharsets.UTF_8))));
    }
    for (Future<?> ack : acks) {
      ack.get();
    }
    outbox.deleteEvents(rows.stream().map(EventOutboxRow::id).toList());
    return rows.size();
  }
}
