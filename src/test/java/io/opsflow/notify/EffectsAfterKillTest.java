package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.fakes.FakeSlackServer;
import io.opsflow.fakes.FakeZoomServer;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.OpsflowProcess;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a started opsflow while it opens a war room, right after Slack and Zoom got
 * their first requests, then a restart on the same data dir: one channel, one summary, one bridge
 * link and one Zoom meeting. On the embedded H2 default and on PostgreSQL.
 */
class EffectsAfterKillTest {
  private static final String ADMIN = "ofa_effects_kill_" + UUID.randomUUID();

  @Test
  void aKillDuringTheWarRoomEffectsDoublesNoneOfThem(@TempDir Path data) throws Exception {
    int port = OpsflowProcess.freePort();
    String org = "org-kill-" + UUID.randomUUID();
    try (TestDatabase db = TestDatabase.create();
        FakeSlackServer slack = new FakeSlackServer();
        FakeZoomServer zoom = FakeZoomServer.start()) {
      Map<String, String> env = vendors(slack, zoom);
      try (OpsflowProcess first = OpsflowProcess.start(data, port, ADMIN, db, env)) {
        ApiCalls api = first.awaitHealthy().api();
        String integration =
            api.token(ADMIN, "integration", "prometheus", org, null).path("token").asText();
        // a first incident takes the start-up costs (clients, tokens), so that the second one's
        // effects follow each other as fast as they do on a warm instance
        trigger(api, integration, "checkout");
        awaitUntil(() -> bridgeLinks(slack) == 1);
        trigger(api, integration, "payments");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (zoom.meetings().size() < 2 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        first.kill();
      }
      assertThat(zoom.meetings()).as("the second bridge was asked for before the kill").hasSize(2);
      assertThat(summaries(slack)).as("both summaries were posted before the kill").hasSize(2);

      try (OpsflowProcess second = OpsflowProcess.start(data, port, ADMIN, db, env)) {
        ApiCalls api = second.awaitHealthy().api();
        String sre = api.token(ADMIN, "user", "sre", org, "sre").path("token").asText();
        JsonNode incidents = api.await("/api/v1/incidents", sre, p -> p.path("items").size() >= 2);
        for (JsonNode i : incidents.path("items")) {
          api.await(
              "/api/v1/incidents/" + i.path("id").asText(),
              sre,
              d -> d.path("effects").path("pending").asLong(0) == 0,
              Duration.ofSeconds(120));
        }
        awaitUntil(() -> bridgeLinks(slack) >= 2);
        assertThat(incidents.path("items")).hasSize(2);
      }
      List<FakeSlackServer.Channel> rooms =
          slack.channels().stream()
              .filter(c -> c.purpose().startsWith("opsflow incident"))
              .toList();
      assertThat(rooms).hasSize(2);
      for (FakeSlackServer.Channel room : rooms) {
        assertThat(slack.messages(room.id()).stream().filter(m -> summary(m)))
            .as("summaries in " + room.name())
            .hasSize(1);
      }
      assertThat(summaries(slack)).hasSize(2);
      assertThat(bridgeLinks(slack)).isEqualTo(2);
      assertThat(zoom.meetings()).hasSize(2);
    }
  }

  private static void trigger(ApiCalls api, String integration, String service) {
    String alert = Samples.read("alertmanager-firing.json").replace("svc-000", service);
    assertThat(api.post("/api/v1/integrations/alertmanager", integration, alert).status())
        .isEqualTo(202);
  }

  private static void awaitUntil(java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 120 s");
      }
      Thread.sleep(20);
    }
  }

  private static Map<String, String> vendors(FakeSlackServer slack, FakeZoomServer zoom) {
    return Map.of(
        "OPSFLOW_SLACK_BOT_TOKEN", slack.token(),
        "OPSFLOW_SLACK_SIGNING_SECRET", "kill-" + UUID.randomUUID(),
        "OPSFLOW_SLACK_API_URL", slack.url(),
        "OPSFLOW_ZOOM_ACCOUNT_ID", zoom.accountId(),
        "OPSFLOW_ZOOM_CLIENT_ID", zoom.clientId(),
        "OPSFLOW_ZOOM_CLIENT_SECRET", zoom.clientSecret(),
        "OPSFLOW_ZOOM_API_URL", zoom.apiUrl());
  }

  /** Messages carrying a summary's idempotency key, in every channel. */
  private static List<FakeSlackServer.Message> summaries(FakeSlackServer slack) {
    return slack.channels().stream()
        .flatMap(c -> slack.messages(c.id()).stream())
        .filter(m -> summary(m))
        .toList();
  }

  private static boolean summary(FakeSlackServer.Message m) {
    return m.metadata() != null && m.metadata().toString().contains(":summary\"");
  }

  private static long bridgeLinks(FakeSlackServer slack) {
    return slack.channels().stream()
        .flatMap(c -> slack.messages(c.id()).stream())
        .filter(m -> m.text().startsWith("Conference bridge: "))
        .count();
  }
}
