package io.opsflow.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the defined topics that a cluster lacks. */
final class TopicCreation {
  private static final Logger log = LoggerFactory.getLogger(Topics.class);
  private static final int MAX_REPLICATION = 3;
  private static final long TIMEOUT_SECONDS = 30;

  private TopicCreation() {}

  /**
   * Creates the defined topics that do not exist yet, with replication factor min(3, brokers).
   * {@code min.insync.replicas} is lowered to leave one replica of slack (never below 1), so that
   * producers with {@code acks=all} keep working on a single broker. Existing topics are left as
   * they are.
   */
  static void ensure(Admin admin, Collection<Topics.Definition> definitions) {
    int brokers = await(admin.describeCluster().nodes(), "describe the cluster").size();
    short replication = (short) Math.max(1, Math.min(MAX_REPLICATION, brokers));
    Set<String> existing = await(admin.listTopics().names(), "list topics");
    List<NewTopic> missing = new ArrayList<>();
    for (Topics.Definition definition : definitions) {
      if (!existing.contains(definition.name())) {
        missing.add(newTopic(definition, replication));
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    CreateTopicsResult result = admin.createTopics(missing);
    for (Map.Entry<String, KafkaFuture<Void>> created : result.values().entrySet()) {
      try {
        await(created.getValue(), "create topic " + created.getKey());
        log.info("Created topic {} (replication factor {})", created.getKey(), replication);
      } catch (KafkaException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  private static NewTopic newTopic(Topics.Definition definition, short replication) {
    Map<String, String> configs = new HashMap<>(definition.configs());
    configs.computeIfPresent(
        "min.insync.replicas",
        (name, value) ->
            Integer.toString(Math.max(1, Math.min(Integer.parseInt(value), replication - 1))));
    return new NewTopic(definition.name(), definition.partitions(), replication).configs(configs);
  }

  private static <T> T await(KafkaFuture<T> future, String what) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while waiting to " + what, e);
    } catch (ExecutionException e) {
      throw new KafkaException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("timed out waiting to " + what, e);
    }
  }
}
