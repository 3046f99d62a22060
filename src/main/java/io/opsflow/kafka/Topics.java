package io.opsflow.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

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

  private static final List<String> REQUIRED =
      List.of(ALERTS, TICKETS, COMMANDS, EVENTS, DLQ, CHECKS);

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
    return new Topics(TopicsFile.parse(in, source, REQUIRED));
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
    TopicCreation.ensure(admin, definitions.values());
  }
}
