package io.opsflow.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process single-node Kafka: one KRaft server that is both broker and controller, with its
 * log under a data directory of ours. Restarting on the same directory reopens the same cluster
 * with its records, and on the same ports when they are still free.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final String HOST = "127.0.0.1";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts a node keeping its data under {@code dataDir}, formatting the storage on first use.
   *
   * @param port the client (PLAINTEXT) port; 0 reuses the port of the last run if free, else picks
   *     a free one. The controller port is always chosen that way.
   */
  public static EmbeddedKafka start(Path dataDir, int port) {
    long started = System.nanoTime();
    Path logDir = dataDir.resolve("log");
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + logDir, e);
    }
    KafkaPorts ports = KafkaPorts.choose(dataDir, port);
    Properties props = serverProperties(logDir, ports);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(dataDir.resolve("server.properties"), props);
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      server.shutdown();
      server.awaitShutdown();
      throw e;
    }
    String bootstrap = HOST + ":" + ports.broker();
    log.info(
        "Embedded Kafka on {} (data {}) started in {} ms",
        bootstrap,
        dataDir,
        (System.nanoTime() - started) / 1_000_000);
    return new EmbeddedKafka(server, bootstrap);
  }

  /** The {@code bootstrap.servers} value for clients of this node. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Shuts the node down cleanly and waits until it has stopped. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    log.info("Embedded Kafka on {} stopped", bootstrapServers);
  }

  static Properties serverProperties(Path logDir, KafkaPorts ports) {
    String controller = HOST + ":" + ports.controller();
    String listeners = "PLAINTEXT://" + HOST + ":" + ports.broker() + ",CONTROLLER://" + controller;
    Properties props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", "1");
    props.setProperty("controller.quorum.bootstrap.servers", controller);
    props.setProperty("controller.listener.names", "CONTROLLER");
    props.setProperty("listeners", listeners);
    props.setProperty("advertised.listeners", listeners);
    props.setProperty("inter.broker.listener.name", "PLAINTEXT");
    props.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    props.setProperty("num.partitions", "6");
    props.setProperty("default.replication.factor", "1");
    props.setProperty("min.insync.replicas", "1");
    props.setProperty("auto.create.topics.enable", "false");
    props.setProperty("offsets.topic.replication.factor", "1");
    props.setProperty("offsets.topic.num.partitions", "6");
    props.setProperty("transaction.state.log.replication.factor", "1");
    props.setProperty("transaction.state.log.min.isr", "1");
    props.setProperty("transaction.state.log.num.partitions", "6");
    props.setProperty("share.coordinator.state.topic.replication.factor", "1");
    props.setProperty("share.coordinator.state.topic.min.isr", "1");
    props.setProperty("group.initial.rebalance.delay.ms", "0");
    // After a kill -9 the controller keeps the old broker registration until its session
    // expires; a short session lets the restarted node register again within seconds.
    props.setProperty("broker.heartbeat.interval.ms", "500");
    props.setProperty("broker.session.timeout.ms", "4000");
    // The broker shares the JVM with opsflow: keep its fixed allocations small.
    props.setProperty("num.network.threads", "2");
    props.setProperty("num.io.threads", "4");
    props.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
    return props;
  }

  private static void format(Path configFile, Properties props) {
    try (OutputStream out = Files.newOutputStream(configFile)) {
      props.store(out, "opsflow embedded Kafka: the configuration the storage was formatted with");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + configFile, e);
    }
    String clusterId = Uuid.randomUuid().toString();
    String[] args = {"format", "--standalone", "-t", clusterId, "-c", configFile.toString()};
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      status = StorageTool.execute(args, out);
    }
    String text = output.toString(StandardCharsets.UTF_8).strip();
    if (status != 0) {
      throw new IllegalStateException("formatting Kafka storage failed (" + status + "): " + text);
    }
    log.info("Formatted Kafka storage for new cluster {}", clusterId);
    log.debug("Kafka storage tool: {}", text);
  }
}
