package io.opsflow.testing;

import io.opsflow.kafka.EmbeddedKafka;
import io.opsflow.kafka.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.internals.Exit;

/**
 * The one real Kafka broker of the test JVM: started on first use in a temporary directory, with
 * the opsflow topics created, and stopped when the JVM exits.
 */
public final class TestKafka {

  private static EmbeddedKafka kafka;
  private static boolean exitTrapped;

  private TestKafka() {}

  /** The bootstrap servers of the shared broker, starting it if needed. */
  public static synchronized String bootstrap() {
    if (kafka == null) {
      trapExit();
      Path dir = createTempDir();
      EmbeddedKafka started = EmbeddedKafka.start(dir, 0);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.close();
                    deleteRecursively(dir);
                  },
                  "test-kafka-shutdown"));
      try (Admin admin = admin(started.bootstrapServers())) {
        Topics.load().ensure(admin);
      }
      kafka = started;
    }
    return kafka.bootstrapServers();
  }

  /**
   * Makes Kafka's fatal-error exits and halts throw instead of ending the test JVM. Called by
   * {@link #bootstrap()}; tests that start their own broker call it first.
   */
  public static synchronized void trapExit() {
    if (exitTrapped) {
      return;
    }
    Exit.setExitProcedure(
        (status, message) -> {
          throw new IllegalStateException("Kafka exit(" + status + "): " + message);
        });
    Exit.setHaltProcedure(
        (status, message) -> {
          throw new IllegalStateException("Kafka halt(" + status + "): " + message);
        });
    exitTrapped = true;
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("opsflow-test-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // the JVM is exiting; a leftover temporary directory is harmless
    }
  }
}
