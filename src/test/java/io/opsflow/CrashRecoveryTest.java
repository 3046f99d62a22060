package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.OpsflowProcess;
import io.opsflow.testing.TestDatabase;
import java.io.IOException;
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
    int port = OpsflowProcess.freePort();
    try (TestDatabase db = TestDatabase.create()) {
      OpsflowProcess first = start(data, port, db);
      String integration;
      AtomicInteger accepted = new AtomicInteger();
      AtomicInteger attempted = new AtomicInteger();
      try {
        ApiCalls api = first.awaitHealthy().api();
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
        first.kill();
        for (Thread s : senders) {
          s.join(30_000);
        }
      } finally {
        first.kill();
      }
      assertThat(accepted.get()).isGreaterThanOrEqualTo(150);

      try (OpsflowProcess second = start(data, port, db)) {
        ApiCalls api = second.awaitHealthy().api();
        String sre = api.token(ADMIN, "user", "sre", "crash-org", "sre").path("token").asText();
        JsonNode page =
            api.await(
                "/api/v1/incidents?limit=1000", sre, p -> sum(p, "eventCount") >= accepted.get());
        long applied = sum(page, "eventCount");
        assertThat(applied).isBetween((long) accepted.get(), (long) attempted.get());
        Set<String> keys = new HashSet<>(page.path("items").findValuesAsText("alertKey"));
        assertThat(page.path("items")).hasSize(keys.size());
        assertThat(keys).hasSizeLessThanOrEqualTo(20);
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

  private static OpsflowProcess start(Path data, int port, TestDatabase db) throws IOException {
    return OpsflowProcess.start(data, port, ADMIN, db, Map.of("OPSFLOW_INSTANCE_ID", "crash-test"));
  }
}
