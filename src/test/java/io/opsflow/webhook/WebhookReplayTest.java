package io.opsflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.db.Database;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Reading the same event twice (a replay from offset 0) records its delivery once. */
class WebhookReplayTest {

  @Test
  void aReplayedEventAddsNoSecondDelivery() {
    TestApp app = TestApp.shared();
    Database db = app.app().database();
    String org = "org-replay-" + UUID.randomUUID();
    String body =
        "{\"url\":\"http://127.0.0.1:9/none\",\"events\":[\"incident.triggered\"],"
            + "\"organization\":\""
            + org
            + "\"}";
    String sub =
        app.api().post("/api/v1/webhooks", app.adminToken(), body).body().path("id").asText();
    // a group of its own, so the app's opsflow-webhooks positions are left alone
    WebhookRecordHandler handler =
        new WebhookRecordHandler("test-webhook-replay", db, () -> {}, Clock.systemUTC());
    String event =
        "{\"specversion\":\"1.0\",\"id\":\"ev-"
            + UUID.randomUUID()
            + "\",\"source\":\"/opsflow/incidents\",\"type\":\"io.opsflow.incident.triggered\","
            + "\"time\":\"2026-11-22T08:42:58Z\",\"subject\":\"inc-1\",\"organizationid\":\""
            + org
            + "\",\"data\":{\"incidentId\":\"inc-1\"}}";
    ConsumerRecord<byte[], byte[]> r =
        new ConsumerRecord<>(
            Topics.EVENTS, 0, 7, "inc-1".getBytes(), event.getBytes(StandardCharsets.UTF_8));

    assertThat(handler.handle(List.of(r))).isEmpty();
    assertThat(handler.handle(List.of(r, r))).isEmpty();
    assertThat(deliveries(db, sub)).isEqualTo(1);
    app.api().send("DELETE", "/api/v1/webhooks/" + sub, app.adminToken(), null);
  }

  private static int deliveries(Database db, String subscription) {
    return db.inTransaction(
        s -> {
          int[] n = new int[1];
          s.doWork(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "select count(*) from webhook_delivery where subscription_id = ?")) {
                  ps.setString(1, subscription);
                  try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n[0] = rs.getInt(1);
                  }
                }
              });
          return n[0];
        });
  }
}
