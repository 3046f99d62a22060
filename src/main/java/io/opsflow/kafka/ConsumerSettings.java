package io.opsflow.kafka;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** The Kafka consumer settings of a {@link ConsumerLoop}. */
final class ConsumerSettings {
  private ConsumerSettings() {}

  static Properties of(String bootstrap, String groupId, String instanceId, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + topic);
    if (instanceId != null) {
      // static membership: a restarted instance takes its partitions back at once instead of
      // waiting for the session of its killed predecessor to time out
      p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupId + "-" + instanceId);
    }
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000);
    return p;
  }
}
