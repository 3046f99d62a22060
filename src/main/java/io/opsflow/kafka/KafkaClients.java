package io.opsflow.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The shared Kafka clients of one opsflow process: an admin client and one idempotent producer with
 * {@code acks=all} (thread-safe, shared by intake, the outbox relay and the DLQ).
 */
public final class KafkaClients implements AutoCloseable {
  private final String bootstrap;
  private final Admin admin;
  private KafkaProducer<byte[], byte[]> producer;
  private volatile long healthyUntil;

  public KafkaClients(String bootstrap) {
    this.bootstrap = bootstrap;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "opsflow-admin");
    this.admin = Admin.create(p);
  }

  public Admin admin() {
    return admin;
  }

  public synchronized KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(producerProperties(bootstrap, "opsflow-producer"));
    }
    return producer;
  }

  /** Settings of a durable producer: acks from every in-sync replica, no duplicates on retry. */
  public static Properties producerProperties(String bootstrap, String clientId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // no linger: a lone alert is sent at once; under load records still batch while in flight
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return p;
  }

  /** True when the cluster answered within two seconds (cached for five). */
  public boolean healthy() {
    long now = System.currentTimeMillis();
    if (now < healthyUntil) {
      return true;
    }
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(2000))
          .clusterId()
          .get(2, TimeUnit.SECONDS);
      healthyUntil = now + 5_000;
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
    admin.close(Duration.ofSeconds(5));
  }
}
