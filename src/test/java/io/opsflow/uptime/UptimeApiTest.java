package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Check results in over HTTP, through opsflow.checks, out as the monthly uptime report. */
class UptimeApiTest {
  private static final String RESULTS = "/api/v1/checks/results";
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  private static String result(String service, boolean ok, Instant at) {
    return "{\"check\":\"http-home\",\"service\":\""
        + service
        + "\",\"ok\":"
        + ok
        + ",\"at\":\""
        + at
        + "\",\"latencyMs\":42,\"detail\":\"HTTP "
        + (ok ? 200 : 503)
        + "\"}";
  }

  @Test
  void theMonthlyReportCountsResultsAndExcludesMaintenance() {
    TestApp.Tenant acme = app.aCustomerOrg();
    TestApp.Tenant other = app.aCustomerOrg();
    String service = "checkout-" + UUID.randomUUID().toString().substring(0, 8);
    // 10 June of the last June past (results are accepted within their retention, 400 days),
    // a result every 10 min from 10:00 to 14:00; failed at 12:00 and 12:10
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    int year = today.getMonthValue() > 6 ? today.getYear() : today.getYear() - 1;
    List<String> items = new ArrayList<>();
    Instant t0 = Instant.parse(year + "-06-10T10:00:00Z");
    for (int i = 0; i <= 24; i++) {
      Instant at = t0.plus(Duration.ofMinutes(10L * i));
      boolean failed = i == 12 || i == 13;
      items.add(result(service, !failed, at));
    }
    ApiCalls.Resp accepted =
        api.post(RESULTS, acme.integration(), "[" + String.join(",", items) + "]");
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
    assertThat(accepted.body().path("ids")).hasSize(25);
    ApiCalls.Resp window =
        api.post(
            "/api/v1/maintenance-windows",
            acme.sre(),
            "{\"service\":\""
                + service
                + "\",\"start\":\""
                + year
                + "-06-10T12:10:00Z\",\"end\":\""
                + year
                + "-06-10T13:00:00Z\"}");
    assertThat(window.status()).isEqualTo(201);

    // known: 10:00 to 14:30 (the last result is trusted for 3 intervals of 10 min) = 270 min;
    // down 12:00-12:10 (12:10-12:20 is maintenance), maintenance 50, up 270 - 60 = 210;
    // unknown 43200 - 270 = 42930; availability 210 / 220
    String path = "/api/v1/reports/uptime?service=" + service + "&month=" + year + "-06";
    JsonNode report =
        api.await(path, acme.sre(), r -> r.path("unknownMinutes").asDouble() == 42930.0);
    assertThat(report.path("service").asText()).isEqualTo(service);
    assertThat(report.path("month").asText()).isEqualTo(year + "-06");
    assertThat(report.path("target").asDouble()).isEqualTo(0.999);
    assertThat(report.path("downMinutes").asDouble()).isEqualTo(10.0);
    assertThat(report.path("maintenanceMinutes").asDouble()).isEqualTo(50.0);
    assertThat(report.path("availability").asDouble()).isCloseTo(210.0 / 220.0, within(1e-9));
    assertThat(report.path("errorBudgetMinutes").asDouble()).isEqualTo(43.2);
    assertThat(report.path("errorBudgetLeftMinutes").asDouble()).isEqualTo(33.2);
    assertThat(report.path("met").asBoolean()).isFalse();

    // the same service name in another organization is not there
    assertThat(api.get(path, other.sre()).status()).isEqualTo(404);
    // an admin names the organization
    assertThat(
            api.get(path + "&organization=" + acme.organization(), app.adminToken())
                .body()
                .path("downMinutes")
                .asDouble())
        .isEqualTo(10.0);
    assertThat(api.get(path, app.adminToken()).status()).isEqualTo(400);
  }

  @Test
  void badResultsAre400WithTheReasonAndNothingIsPublished() {
    TestApp.Tenant acme = app.aCustomerOrg();
    assertReason(
        acme.integration(),
        "{\"check\":\"a\",\"service\":\"s\",\"ok\":\"yes\"}",
        "ok must be true or false");
    assertReason(acme.integration(), "{\"service\":\"s\",\"ok\":true}", "check must be a string");
    assertReason(
        acme.integration(),
        "{\"check\":\"a\",\"service\":\"s\",\"ok\":true,\"at\":\"yesterday\"}",
        "at must be an ISO-8601 time");
    assertReason(
        acme.integration(),
        "["
            + result("s", true, Instant.now())
            + ",{\"check\":\"a\",\"service\":\"s\",\"ok\":true,\"latencyMs\":-1}]",
        "result 1: latencyMs");
    assertReason(acme.integration(), "[]", "an array of 1 to 1000 results");
    assertReason(acme.integration(), "not json", "not valid JSON");
    assertThat(api.post(RESULTS, acme.sre(), result("s", true, Instant.now())).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/reports/uptime?service=s&month=2026-06", acme.sre()).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/reports/uptime?service=s&month=June", acme.sre()).status())
        .isEqualTo(400);
  }

  private void assertReason(String token, String body, String reason) {
    ApiCalls.Resp r = api.post(RESULTS, token, body);
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.body().path("detail").asText()).contains(reason);
  }
}
