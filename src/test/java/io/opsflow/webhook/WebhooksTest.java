package io.opsflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Await;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound webhooks against the shared app and a local receiver. The test app retries after 0.1 s
 * (doubling) and gives a delivery up after 3 s, so retries, drops and auto-disable take seconds.
 */
class WebhooksTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();
  private final WebhookReceiver receiver = new WebhookReceiver();
  private final List<String> subscriptions = new ArrayList<>();

  @AfterEach
  void unsubscribeAndStopReceiver() {
    subscriptions.forEach(
        id -> api.send("DELETE", "/api/v1/webhooks/" + id, app.adminToken(), null));
    receiver.close();
  }

  @Test
  void aTriggeredIncidentArrivesSignedWithTheSubscriptionsSecret() throws Exception {
    TestApp.Tenant tenant = app.aCustomerOrg();
    JsonNode sub = subscribe(tenant.organization(), "[\"incident.triggered\"]");
    String secret = sub.path("secret").asText();
    assertThat(secret).startsWith("whsec_");

    trigger(tenant, "disk");
    Await.until("the triggered event arrives", () -> receiver.delivered().size() == 1);

    WebhookReceiver.Received r = receiver.delivered().get(0);
    assertThat(r.event()).isEqualTo("incident.triggered");
    assertThat(r.deliveryId()).startsWith("whd_");
    JsonNode event = ApiCalls.JSON.readTree(r.body());
    assertThat(event.path("type").asText()).isEqualTo("io.opsflow.incident.triggered");
    assertThat(event.path("data").path("organizationId").asText()).isEqualTo(tenant.organization());
    assertThat(validSignatures(r, secret)).isEqualTo(1);
    assertThat(validSignatures(r, secret + "x")).isZero();

    JsonNode listed = find(sub.path("id").asText());
    assertThat(listed.path("status").asText()).isEqualTo("active");
    assertThat(listed.has("secret")).isFalse();
  }

  @Test
  void aFailedDeliveryIsRetriedWithTheSameDeliveryIdAndTheIncidentsOrderIsKept() {
    TestApp.Tenant tenant = app.aCustomerOrg();
    subscribe(tenant.organization(), "[\"incident.triggered\",\"incident.resolved\"]");
    receiver.failNext(3);

    trigger(tenant, "disk");
    api.await("/api/v1/incidents", tenant.sre(), p -> p.path("items").size() == 1);
    api.post(
        "/api/v1/events",
        null,
        Samples.pagerDuty("pagerduty-resolve.json", tenant.integration())
            .replace("db-primary-disk-usage", "disk"));
    Await.until("both events delivered", () -> receiver.delivered().size() == 2);

    List<WebhookReceiver.Received> all = receiver.received();
    assertThat(all).hasSize(5);
    assertThat(all.subList(0, 4))
        .extracting(WebhookReceiver.Received::event)
        .containsOnly("incident.triggered");
    assertThat(all.subList(0, 4))
        .extracting(WebhookReceiver.Received::deliveryId)
        .containsOnly(all.get(0).deliveryId());
    assertThat(all.get(4).event()).isEqualTo("incident.resolved");
    assertThat(all.get(4).deliveryId()).isNotEqualTo(all.get(0).deliveryId());
    // the resolved event was waiting while the triggered one was retried: the order was kept
    assertThat(createdMs(all.get(4).deliveryId())).isLessThan(finishedMs(all.get(0).deliveryId()));
  }

  @Test
  void repeatedDropsDisableTheSubscriptionUntilAnAdminEnablesIt() {
    TestApp.Tenant tenant = app.aCustomerOrg();
    String id = subscribe(tenant.organization(), "[\"incident.triggered\"]").path("id").asText();
    receiver.failNext(Integer.MAX_VALUE);
    for (int i = 0; i < 5; i++) {
      trigger(tenant, "disk-" + i);
    }
    Await.until(
        "disabled after 5 drops", () -> find(id).path("status").asText().equals("disabled"));
    JsonNode disabled = find(id);
    assertThat(disabled.path("dropsInRow").asInt()).isEqualTo(5);
    assertThat(disabled.path("failedAttempts").asLong()).isGreaterThanOrEqualTo(5);
    assertThat(disabled.path("lastError").asText()).isEqualTo("HTTP 500");

    receiver.failNext(0);
    trigger(tenant, "disk-after");
    api.await("/api/v1/incidents", tenant.sre(), p -> p.path("items").size() == 6);
    int before = receiver.received().size();
    assertThat(api.post("/api/v1/webhooks/" + id + "/enable", app.adminToken(), null).status())
        .isEqualTo(200);
    Await.until("delivered once enabled", () -> receiver.delivered().size() == 1);
    assertThat(receiver.received().size()).isEqualTo(before + 1);
    assertThat(find(id).path("status").asText()).isEqualTo("active");
    assertThat(find(id).path("dropsInRow").asInt()).isZero();
  }

  @Test
  void afterARotationBothSecretsSign() {
    TestApp.Tenant tenant = app.aCustomerOrg();
    JsonNode sub = subscribe(tenant.organization(), "[\"*\"]");
    String old = sub.path("secret").asText();
    ApiCalls.Resp rotated =
        api.post(
            "/api/v1/webhooks/" + sub.path("id").asText() + "/rotate-secret",
            app.adminToken(),
            null);
    assertThat(rotated.status()).isEqualTo(200);
    String fresh = rotated.body().path("secret").asText();
    assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);

    trigger(tenant, "disk");
    Await.until("an event arrives", () -> !receiver.delivered().isEmpty());
    WebhookReceiver.Received r = receiver.delivered().get(0);
    assertThat(r.signature()).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
    assertThat(validSignatures(r, fresh)).isEqualTo(1);
    assertThat(validSignatures(r, old)).isEqualTo(1);
  }

  @Test
  void subscriptionsAreForAdminsWithAnHttpUrl() {
    TestApp.Tenant tenant = app.aCustomerOrg();
    String body = "{\"url\":\"%s\",\"events\":[\"*\"]}";
    assertThat(api.post("/api/v1/webhooks", tenant.sre(), body.formatted(receiver.url())).status())
        .isEqualTo(403);
    assertThat(api.post("/api/v1/webhooks", app.adminToken(), body.formatted("ftp://x/y")).status())
        .isEqualTo(400);
    assertThat(
            api.post("/api/v1/webhooks", app.adminToken(), body.formatted("file:///etc/passwd"))
                .status())
        .isEqualTo(400);
    assertThat(
            api.post("/api/v1/webhooks", app.adminToken(), "{\"url\":\"http://x/\",\"events\":[]}")
                .status())
        .isEqualTo(400);
    String id = subscribe(tenant.organization(), "[\"*\"]").path("id").asText();
    assertThat(api.send("DELETE", "/api/v1/webhooks/" + id, app.adminToken(), null).status())
        .isEqualTo(204);
    assertThat(api.send("DELETE", "/api/v1/webhooks/" + id, app.adminToken(), null).status())
        .isEqualTo(404);
    assertThat(find(id).isMissingNode()).isTrue();
  }

  private JsonNode subscribe(String organization, String events) {
    String body =
        "{\"url\":\"%s\",\"events\":%s,\"organization\":\"%s\"}"
            .formatted(receiver.url(), events, organization);
    ApiCalls.Resp r = api.post("/api/v1/webhooks", app.adminToken(), body);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    subscriptions.add(r.body().path("id").asText());
    return r.body();
  }

  private void trigger(TestApp.Tenant tenant, String dedupKey) {
    ApiCalls.Resp r =
        api.post(
            "/api/v1/events",
            null,
            Samples.pagerDuty("pagerduty-trigger.json", tenant.integration())
                .replace("db-primary-disk-usage", dedupKey));
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
  }

  private JsonNode find(String id) {
    for (JsonNode s : api.get("/api/v1/webhooks", app.adminToken()).body().path("items")) {
      if (s.path("id").asText().equals(id)) {
        return s;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private long createdMs(String delivery) {
    return column("created_ms", delivery);
  }

  private long finishedMs(String delivery) {
    return column("finished_ms", delivery);
  }

  private long column(String column, String delivery) {
    return app.app()
        .database()
        .inTransaction(
            s -> {
              long[] v = new long[1];
              s.doWork(
                  c -> {
                    try (java.sql.PreparedStatement ps =
                        c.prepareStatement(
                            "select " + column + " from webhook_delivery where id = ?")) {
                      ps.setString(1, delivery);
                      try (java.sql.ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        v[0] = rs.getLong(1);
                      }
                    }
                  });
              return v[0];
            });
  }

  /** How many v1 values of the request's signature the secret produces. */
  private static int validSignatures(WebhookReceiver.Received r, String secret) {
    List<String> v1 = new ArrayList<>();
    long t = -1;
    for (String part : r.signature().split(",")) {
      if (part.startsWith("t=")) {
        t = Long.parseLong(part.substring(2));
      } else if (part.startsWith("v1=")) {
        v1.add(part.substring(3));
      }
    }
    String expected =
        WebhookSignature.hmacHex(secret, t, r.body().getBytes(StandardCharsets.UTF_8));
    return (int) v1.stream().filter(expected::equals).count();
  }
}
