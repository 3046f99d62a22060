package io.opsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code infra/kafka/run-broker.sh} runs a real broker from opsflow's own classes, offline, on the
 * ports it is given, and writes nothing into the project's {@code target/}.
 */
class RunBrokerScriptTest {
  @TempDir Path logDir;

  @Test
  void theStandaloneBrokerStartsFromOpsflowsClassesOnTheGivenPorts() throws Exception {
    int broker = freePort();
    int controller = freePort();
    ProcessBuilder pb = new ProcessBuilder("bash", "infra/kafka/run-broker.sh");
    Map<String, String> env = pb.environment();
    env.put("OPSFLOW_CLASSPATH", System.getProperty("java.class.path"));
    env.put("OPSFLOW_KAFKA_LOG_DIR", logDir.toString());
    env.put("BROKER_PORT", Integer.toString(broker));
    env.put("CONTROLLER_PORT", Integer.toString(controller));
    env.put("JAVA_OPTS", "-Xmx512m");
    pb.redirectErrorStream(true).redirectOutput(logDir.resolve("broker.out").toFile());
    Process p = pb.start();
    try {
      Properties props = new Properties();
      props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + broker);
      props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "120000");
      try (Admin admin = Admin.create(props)) {
        admin
            .createTopics(List.of(new NewTopic("run-broker-probe", 1, (short) 1)))
            .all()
            .get(2, TimeUnit.MINUTES);
        assertThat(admin.listTopics().names().get(1, TimeUnit.MINUTES))
            .contains("run-broker-probe");
      }
      assertThat(Files.exists(logDir.resolve("log").resolve("meta.properties"))).isTrue();
      assertThat(Files.exists(Path.of("target", "kafka-broker.classpath"))).isFalse();
    } finally {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
