package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of an alert stream, then a restart on the same data dir: no
 * accepted alert is lost and no incident is opened twice. Runs {@code opsflow start} as a separate
 * process with the embedded broker, as a user runs it.
 */
class CrashRecoveryTest {
  private static final String ADMIN = "ofa_crash_" + UUID.randomUUID();

  @Test
  void aKilledInstanceLosesNoAcceptedAlertAndDuplicatesNoIncident(@TempDir Path data)
      throws Exception {
    int port = freePort();
    ApiCalls api = new ApiCalls("http://127.0.0.1:" + port);
    try (TestDatabase db = TestDatabase.create()) {
      Process first = start(data, port, db);
      String integration;
      AtomicInteger accepted = new AtomicInteger();
      AtomicInteger attempted = new AtomicInteger();
      try {
        awaitHealthy(api, first);
        integration =
            api.token(ADMIN, "integration", "crash", "crash-org", null).path("token").asText();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          Thread sender =
              new Thread(() -> send(api, integration, attempted, accepted), "crash-sender-" + t);
          sender.start();
          senders.add(sender);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (accepted.get() < 150 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        first.destroyForcibly().waitFor();
        for (Thread s : senders) {
          s.join(30_000);
        }
      } finally {
        first.destroyForcibly().waitFor();
      }
      assertThat(accepted.get()).isGreaterThanOrEqualTo(150);

      Process second = start(data, port, db);
      try {
        awaitHealthy(api, second);
        String sre = api.token(ADMIN, "user", "sre", "crash-org", "sre").path("token").asText();
        JsonNode page =
            api.await(
                "/api/v1/incidents?limit=1000", sre, p -> sum(p, "eventCount") >= accepted.get());
        long applied = sum(page, "eventCount");
        assertThat(applied).isBetween((long) accepted.get(), (long) attempted.get());
        Set<String> keys = new HashSet<>(page.path("items").findValuesAsText("alertKey"));
        assertThat(page.path("items")).hasSize(keys.size());
        assertThat(keys).hasSizeLessThanOrEqualTo(20);
      } finally {
        second.destroy();
        second.waitFor();
      }
    }
  }

  private static void send(
      ApiCalls api, String integration, AtomicInteger attempted, AtomicInteger accepted) {
    for (int i = 0; i < 100_000; i++) {
      String body =
          "{\"routing_key\":\""
              + integration
              + "\",\"event_action\":\"trigger\","
              + "\"dedup_key\":\"crash-"
              + (i % 20)
              + "\",\"payload\":{\"summary\":\"crash "
              + (i % 20)
              + "\",\"source\":\"test\",\"severity\":\"error\"}}";
      attempted.incrementAndGet();
      try {
        if (api.post("/api/v1/events", null, body).status() == 202) {
          accepted.incrementAndGet();
        }
      } catch (RuntimeException e) {
        return; // the instance is gone
      }
    }
  }

  private static long sum(JsonNode page, String field) {
    long total = 0;
    for (JsonNode i : page.path("items")) {
      total += i.path(field).asLong();
    }
    return total;
  }

  private static Process start(Path data, int port, TestDatabase db) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "io.opsflow.cli.Main",
            "start");
    Map<String, String> env = pb.environment();
    env.put("OPSFLOW_DATA_DIR", data.toString());
    env.put("OPSFLOW_HTTP_PORT", Integer.toString(port));
    env.put("OPSFLOW_ADMIN_TOKEN", ADMIN);
    env.put("OPSFLOW_INSTANCE_ID", "crash-test");
    env.put("OPSFLOW_CONFIG", data.resolve("none.yaml").toString());
    if (TestDatabase.postgres()) {
      env.put("OPSFLOW_DB_URL", db.url());
      env.put("OPSFLOW_DB_USER", db.user());
    }
    Path log = Files.createTempFile(data, "opsflow-", ".log");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb.start();
  }

  private static void awaitHealthy(ApiCalls api, Process p) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError("opsflow exited with " + p.exitValue());
      }
      try {
        if (api.get("/health", null).status() == 200) {
          return;
        }
      } catch (RuntimeException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("opsflow not healthy within 180 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
