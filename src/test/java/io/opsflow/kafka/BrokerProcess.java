package io.opsflow.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A separate JVM running an embedded broker, for tests that kill it with SIGKILL: starts on a data
 * directory, produces one record with acks=all, writes {@value #PRODUCED} next to the data and then
 * waits to be killed.
 */
final class BrokerProcess {

  static final String PRODUCED = "produced";

  private BrokerProcess() {}

  /** Arguments: data directory, topic, key, value. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);
    String bootstrap = kafka.bootstrapServers();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Topics.load().ensure(admin);
    }
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(args[1], args[2], args[3])).get(30, TimeUnit.SECONDS);
    }
    // written aside, then moved: the test polls for the file and must never read it half-written
    java.nio.file.Path written = Files.writeString(dir.resolve(PRODUCED + ".tmp"), bootstrap);
    Files.move(written, dir.resolve(PRODUCED), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Thread.sleep(TimeUnit.MINUTES.toMillis(10));
  }
}
