package io.opsflow.kafka;

import io.micrometer.core.instrument.Counter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends refused records to {@code opsflow.dlq} with the reason and origin in their headers. */
final class DeadLetters {
  private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

  private final KafkaProducer<byte[], byte[]> dlqProducer;
  private final Counter deadLettered;

  DeadLetters(KafkaProducer<byte[], byte[]> dlqProducer, Counter deadLettered) {
    this.dlqProducer = dlqProducer;
    this.deadLettered = deadLettered;
  }

  void send(List<RecordHandler.Rejected> rejected) {
    if (rejected.isEmpty()) {
      return;
    }
    try {
      for (RecordHandler.Rejected x : rejected) {
        ConsumerRecord<byte[], byte[]> r = x.record();
        RecordHeaders h = new RecordHeaders();
        r.headers().forEach(h::add);
        h.add("opsflow.dlq.reason", utf8(x.reason()));
        h.add("opsflow.dlq.topic", utf8(r.topic()));
        h.add("opsflow.dlq.partition", utf8(Integer.toString(r.partition())));
        h.add("opsflow.dlq.offset", utf8(Long.toString(r.offset())));
        h.add("opsflow.dlq.at", utf8(Instant.now().toString()));
        dlqProducer.send(new ProducerRecord<>(Topics.DLQ, null, r.key(), r.value(), h));
        log.warn("{}-{}@{} dead-lettered: {}", r.topic(), r.partition(), r.offset(), x.reason());
      }
      dlqProducer.flush();
      deadLettered.increment(rejected.size());
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot write to " + Topics.DLQ, e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
