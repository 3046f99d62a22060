package io.opsflow.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
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

/**
 * The opsflow topics and their definitions, read from {@code infra/kafka/topics.properties}: lines
 * {@code <topic>.partitions=<n>} and {@code <topic>.config.<name>=<value>}.
 */
public final class Topics {

  public static final String ALERTS = "opsflow.alerts";
  public static final String TICKETS = "opsflow.tickets";
  public static final String COMMANDS = "opsflow.commands";
  public static final String EVENTS = "opsflow.events";
  public static final String DLQ = "opsflow.dlq";
  public static final String CHECKS = "opsflow.checks";

  /** Where the definitions sit, in the source tree and on the classpath. */
  public static final String RESOURCE = "infra/kafka/topics.properties";

  private static final Logger log = LoggerFactory.getLogger(Topics.class);
  private static final List<String> REQUIRED =
      List.of(ALERTS, TICKETS, COMMANDS, EVENTS, DLQ, CHECKS);
  private static final int MAX_REPLICATION = 3;
  private static final long TIMEOUT_SECONDS = 30;

  /** One topic: its partition count and the topic configs it is created with. */
  public record Definition(String name, int partitions, Map<String, String> configs) {
    public Definition {
      configs = Map.copyOf(configs);
    }
  }

  private final Map<String, Definition> definitions;

  private Topics(Map<String, Definition> definitions) {
    this.definitions = definitions;
  }

  /** The definitions packed in the jar. */
  public static Topics load() {
    ClassLoader loader = Topics.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return parse(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** The definitions in a topics.properties file. */
  public static Topics load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Topics parse(InputStream in, String source) throws IOException {
    Properties props = new Properties();
    props.load(in);
    Map<String, Integer> partitions = new TreeMap<>();
    Map<String, Map<String, String>> configs = new HashMap<>();
    for (String key : props.stringPropertyNames()) {
      String value = props.getProperty(key).trim();
      int config = key.indexOf(".config.");
      if (key.endsWith(".partitions") && config < 0) {
        String topic = key.substring(0, key.length() - ".partitions".length());
        partitions.put(topic, parsePartitions(value, key, source));
      } else if (config > 0) {
        String topic = key.substring(0, config);
        configs.computeIfAbsent(topic, t -> new TreeMap<>()).put(key.substring(config + 8), value);
      } else {
        throw new IllegalArgumentException(source + ": unknown key " + key);
      }
    }
    for (String topic : configs.keySet()) {
      if (!partitions.containsKey(topic)) {
        throw new IllegalArgumentException(source + ": " + topic + " has no partitions");
      }
    }
    for (String topic : REQUIRED) {
      if (!partitions.containsKey(topic)) {
        throw new IllegalArgumentException(source + ": topic " + topic + " is not defined");
      }
    }
    Map<String, Definition> definitions = new TreeMap<>();
    partitions.forEach(
        (topic, count) ->
            definitions.put(
                topic, new Definition(topic, count, configs.getOrDefault(topic, Map.of()))));
    return new Topics(definitions);
  }

  private static int parsePartitions(String value, String key, String source) {
    try {
      int count = Integer.parseInt(value);
      if (count > 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(source + ": " + key + " must be a positive number");
  }

  /** All definitions, ordered by topic name. */
  public List<Definition> definitions() {
    return List.copyOf(definitions.values());
  }

  /** The definition of one topic. */
  public Definition definition(String topic) {
    Definition definition = definitions.get(topic);
    if (definition == null) {
      throw new IllegalArgumentException("no definition for topic " + topic);
    }
    return definition;
  }

  /**
   * Creates the defined topics that do not exist yet, with replication factor min(3, brokers).
   * {@code min.insync.replicas} is lowered to leave one replica of slack (never below 1), so that
   * producers with {@code acks=all} keep working on a single broker. Existing topics are left as
   * they are.
   */
  public void ensure(Admin admin) {
    int brokers = await(admin.describeCluster().nodes(), "describe the cluster").size();
    short replication = (short) Math.max(1, Math.min(MAX_REPLICATION, brokers));
    Set<String> existing = await(admin.listTopics().names(), "list topics");
    List<NewTopic> missing = new ArrayList<>();
    for (Definition definition : definitions.values()) {
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

  private static NewTopic newTopic(Definition definition, short replication) {
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
