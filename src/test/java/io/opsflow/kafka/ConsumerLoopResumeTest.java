package io.opsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.db.ConsumerOffsets;
import io.opsflow.db.Database;
import io.opsflow.incident.AlertRecordHandler;
import io.opsflow.incident.IncidentEventCodec;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.testing.Await;
import io.opsflow.testing.TestDatabase;
import io.opsflow.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The consumer resumes where the database says, not where Kafka's committed offset says: a database
 * that lost its last commits gets exactly those records again.
 */
class ConsumerLoopResumeTest {

  @Test
  void resumesFromThePositionStoredWithTheDatabase() throws Exception {
    String topic = "resume-test-" + UUID.randomUUID();
    String group = "resume-group-" + UUID.randomUUID();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(KafkaClients.producerProperties(TestKafka.bootstrap(), "resume"))) {
        for (int i = 0; i < 10; i++) {
          producer.send(new ProducerRecord<>(topic, trigger("key-" + i))).get();
        }
      }
      // Kafka believes everything was processed; the database only has the first 4 records
      admin
          .alterConsumerGroupOffsets(
              group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(10)))
          .all()
          .get();
    }
    try (TestDatabase fresh = TestDatabase.create();
        Database db = Database.open(fresh.url(), fresh.user(), fresh.password(), 4)) {
      db.inTransaction(
          s -> {
            ConsumerOffsets.advance(s, group, Map.of(new ConsumerOffsets.Position(topic, 0), 4L));
            return null;
          });
      ConsumerOffsets offsets = new ConsumerOffsets(db);
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      Properties p = KafkaClients.producerProperties(TestKafka.bootstrap(), "dlq");
      try (KafkaProducer<byte[], byte[]> dlq = new KafkaProducer<>(p);
          ConsumerLoop loop =
              new ConsumerLoop(
                  TestKafka.bootstrap(),
                  group,
                  null,
                  topic,
                  new AlertRecordHandler(group, db, new IncidentEventCodec(), () -> {}, metrics),
                  dlq,
                  () -> true,
                  t -> offsets.positions(group, t),
                  metrics)) {
        new Thread(loop, "resume-test").start();
        Await.until(
            "records 4..9 applied",
            () -> offsets.positions(group, topic).getOrDefault(0, 0L) == 10L);
      }
      List<String> keys =
          db.inTransaction(
              s ->
                  s.createNativeQuery(
                          "select alert_key from incident order by alert_key", String.class)
                      .getResultList());
      assertThat(keys).containsExactly("key-4", "key-5", "key-6", "key-7", "key-8", "key-9");
    }
  }

  private static byte[] trigger(String dedupKey) {
    String data =
        "{\"event_action\":\"trigger\",\"dedup_key\":\""
            + dedupKey
            + "\",\"payload\":{\"summary\":\"s\",\"source\":\"x\",\"severity\":\"error\"}}";
    return new CloudEvent(
            UUID.randomUUID().toString(),
            "/integrations/i-1",
            EnvelopeTypes.PAGERDUTY,
            Instant.now(),
            dedupKey,
            Map.of(EnvelopeTypes.INTEGRATION, "i-1", EnvelopeTypes.ORGANIZATION, "org-1"),
            data.getBytes(StandardCharsets.UTF_8))
        .encode();
  }
}
