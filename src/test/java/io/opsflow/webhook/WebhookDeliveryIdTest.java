package io.opsflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.db.Database;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Await;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import io.opsflow.testing.TopicProbe;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One delivery id per (subscription, event), also when a crash took the delivery row (and the
 * consumer's positions) with it and the event is read again from {@code opsflow.events}, or when
 * the row is put back to pending: the receiver, deduplicating by {@code Opsflow-Delivery}, sees the
 * event once.
 */
class WebhookDeliveryIdTest {

  @Test
  void anEventReadAgainAfterItsDeliveryRowWasLostKeepsItsDeliveryId() throws Exception {
    TestApp app = TestApp.shared();
    Database db = app.app().database();
    TestApp.Tenant tenant = app.aCustomerOrg();
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String body =
          "{\"url\":\"%s\",\"events\":[\"incident.triggered\"],\"organization\":\"%s\"}"
              .formatted(receiver.url(), tenant.organization());
      ApiCalls.Resp created = app.api().post("/api/v1/webhooks", app.adminToken(), body);
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      String sub = created.body().path("id").asText();
      try {
        String dedup = "delivery-id-" + UUID.randomUUID();
        ApiCalls.Resp r =
            app.api()
                .post(
                    "/api/v1/events",
                    null,
                    Samples.pagerDuty("pagerduty-trigger.json", tenant.integration())
                        .replace("db-primary-disk-usage", dedup));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        Await.until("the triggered event delivered", () -> receiver.delivered().size() == 1);
        String eventId =
            ApiCalls.JSON.readTree(receiver.delivered().get(0).body()).path("id").asText();

        // the crash window: the delivery row is gone, the event comes again from the topic
        sql(db, "delete from webhook_delivery where subscription_id = '" + sub + "'");
        List<ConsumerRecord<byte[], byte[]>> again =
            TopicProbe.readAll(Topics.EVENTS).stream()
                .filter(c -> eventId.equals(CloudEvent.decode(c.value()).id()))
                .toList();
        assertThat(again).isNotEmpty();
        new WebhookRecordHandler("test-webhook-delivery-id", db, () -> {}, Clock.systemUTC())
            .handle(again);
        Await.until("delivered again", () -> receiver.delivered().size() == 2);
        String first = receiver.delivered().get(0).deliveryId();
        assertThat(receiver.delivered().get(1).deliveryId()).isEqualTo(first);

        // a row put back to pending (its "delivered" lost) goes out under its id too
        Await.until(
            "the second delivery recorded, then put back to pending",
            () ->
                sql(
                        db,
                        "update webhook_delivery set status = 'pending', next_attempt_ms = 0"
                            + " where status = 'delivered' and subscription_id = '"
                            + sub
                            + "'")
                    == 1);
        Await.until("delivered a third time", () -> receiver.delivered().size() == 3);

        assertThat(receiver.delivered())
            .extracting(WebhookReceiver.Received::deliveryId)
            .containsOnly(first);
      } finally {
        app.api().send("DELETE", "/api/v1/webhooks/" + sub, app.adminToken(), null);
      }
    }
  }

  private static int sql(Database db, String statement) {
    return db.inTransaction(s -> s.createNativeMutationQuery(statement).executeUpdate());
  }
}
