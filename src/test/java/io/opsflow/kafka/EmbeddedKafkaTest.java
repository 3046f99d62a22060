package io.opsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aRecordProducedWithAcksAllIsConsumedByAGroup() throws Exception {
    String bootstrap = TestKafka.bootstrap();
    String key = "incident-" + UUID.randomUUID();

    produce(bootstrap, Topics.EVENTS, key, "acknowledged");

    try (KafkaConsumer<String, String> consumer = consumer(bootstrap, "group-" + key)) {
      consumer.subscribe(List.of(Topics.EVENTS));
      assertThat(pollUntilKey(consumer, key).value()).isEqualTo("acknowledged");
    }
  }

  @Test
  void topicsAreCreatedWithThePartitionsAndConfigsOfTheirDefinitions() throws Exception {
    Topics topics = Topics.load();
    List<String> names = topics.definitions().stream().map(Topics.Definition::name).toList();

    try (Admin admin = admin(TestKafka.bootstrap())) {
      Map<String, TopicDescription> described =
          admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);

      assertThat(described.keySet())
          .contains(Topics.ALERTS, Topics.TICKETS, Topics.COMMANDS, Topics.EVENTS, Topics.DLQ);
      for (Topics.Definition definition : topics.definitions()) {
        assertThat(described.get(definition.name()).partitions())
            .as(definition.name())
            .hasSize(definition.partitions());
      }
      assertThat(topics.definition(Topics.ALERTS).partitions()).isEqualTo(6);
      assertThat(topics.definition(Topics.DLQ).configs())
          .containsEntry("retention.ms", "2592000000");
    }
  }

  @Test
  void ensureIsIdempotent() {
    try (Admin admin = admin(TestKafka.bootstrap())) {
      Topics.load().ensure(admin);
    }
  }

  @Test
  void aRestartOnTheSameDirectoryKeepsTheRecords(@TempDir Path dir) throws Exception {
    TestKafka.trapExit();
    String key = "ticket-" + UUID.randomUUID();
    String bootstrap;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
      bootstrap = kafka.bootstrapServers();
      try (Admin admin = admin(bootstrap)) {
        Topics.load().ensure(admin);
      }
      produce(bootstrap, Topics.TICKETS, key, "opened");
    }

    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
      assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
      try (KafkaConsumer<String, String> consumer = consumer(kafka.bootstrapServers(), null)) {
        assignAllFromBeginning(consumer, Topics.TICKETS);
        assertThat(pollUntilKey(consumer, key).value()).isEqualTo("opened");
      }
    }
  }

  @Test
  void aRestartAfterTheProcessWasKilledKeepsTheRecords(@TempDir Path dir) throws Exception {
    TestKafka.trapExit();
    String key = "alert-" + UUID.randomUUID();
    Process broker = startBrokerProcess(dir, Topics.ALERTS, key, "firing");
    String bootstrap;
    try {
      bootstrap = awaitProduced(broker, dir);
    } finally {
      broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
      assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
      try (KafkaConsumer<String, String> consumer = consumer(kafka.bootstrapServers(), null)) {
        assignAllFromBeginning(consumer, Topics.ALERTS);
        assertThat(pollUntilKey(consumer, key).value()).isEqualTo("firing");
      }
    }
  }

  private static Process startBrokerProcess(Path dir, String topic, String key, String value)
      throws IOException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Xmx512m",
            "-cp",
            classpath,
            BrokerProcess.class.getName(),
            dir.toString(),
            topic,
            key,
            value)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("broker-process.log").toFile())
        .start();
  }

  private static String awaitProduced(Process broker, Path dir) throws Exception {
    Path produced = dir.resolve(BrokerProcess.PRODUCED);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!Files.exists(produced)) {
      if (!broker.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "broker process did not produce; its log:\n"
                + Files.readString(dir.resolve("broker-process.log")));
      }
      Thread.sleep(100);
    }
    return Files.readString(produced);
  }

  private static void assignAllFromBeginning(KafkaConsumer<String, String> consumer, String topic) {
    List<TopicPartition> partitions = new ArrayList<>();
    consumer
        .partitionsFor(topic)
        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  private static RecordMetadata produce(String bootstrap, String topic, String key, String value)
      throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap, String group) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  private static ConsumerRecord<String, String> pollUntilKey(
      KafkaConsumer<String, String> consumer, String key) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        if (key.equals(record.key())) {
          return record;
        }
      }
    }
    throw new AssertionError("no record with key " + key + " within " + WAIT);
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }
}
