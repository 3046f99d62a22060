package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Await;
import io.opsflow.testing.TestApp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus exposition of the running app carries the check results stored, by organization,
 * service and outcome, and the number of heartbeat sources overdue.
 */
class UptimeMetricsTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  private static String result(String service, boolean ok, Instant at) {
    return "{\"check\":\"probe\",\"service\":\""
        + service
        + "\",\"ok\":"
        + ok
        + ",\"at\":\""
        + at
        + "\"}";
  }

  @Test
  void checkResultsAreCountedByOrganizationServiceAndOutcome() {
    TestApp.Tenant t = app.aCustomerOrg();
    TestApp.Tenant other = app.aCustomerOrg();
    String service = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
    Instant at = Instant.now().minusSeconds(3600);
    String body =
        "["
            + result(service, true, at)
            + ","
            + result(service, true, at.plusSeconds(60))
            + ","
            + result(service, false, at.plusSeconds(120))
            + "]";
    assertThat(api.post("/api/v1/checks/results", t.integration(), body).status()).isEqualTo(202);
    // the same service name in another organization is another series
    assertThat(
            api.post("/api/v1/checks/results", other.integration(), result(service, true, at))
                .status())
        .isEqualTo(202);

    String ok = series(t, "ok", service) + " 2.0";
    String failed = series(t, "failed", service) + " 1.0";
    String okOfOther = series(other, "ok", service) + " 1.0";
    Await.until(
        "check results on /metrics",
        () -> {
          String metrics = api.get("/metrics", null).raw();
          return metrics.contains(ok) && metrics.contains(failed) && metrics.contains(okOfOther);
        });
    assertThat(api.get("/metrics", null).raw())
        .contains("# TYPE opsflow_check_results_total counter")
        .doesNotContain(series(other, "failed", service));
  }

  private static String series(TestApp.Tenant t, String outcome, String service) {
    return "opsflow_check_results_total{organization=\""
        + t.organization()
        + "\",outcome=\""
        + outcome
        + "\",service=\""
        + service
        + "\"}";
  }

  @Test
  void aLateHeartbeatSourceIsCountedAsOverdue() {
    TestApp.Tenant t = app.aCustomerOrg();
    String source = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            api.post(
                    "/api/v1/heartbeats/" + source,
                    t.integration(),
                    "{\"interval\":\"PT1S\",\"grace\":\"PT1S\",\"retention\":\"PT60S\"}")
                .status())
        .isEqualTo(200);
    assertThat(api.get("/metrics", null).raw()).contains("# TYPE opsflow_heartbeats_overdue gauge");
    // silent for more than 2 s: late, and counted while it is
    Await.until(
        "the late source on /metrics",
        () ->
            "late"
                    .equals(
                        api.get("/api/v1/heartbeats", t.sre())
                            .body()
                            .path("items")
                            .get(0)
                            .path("state")
                            .asText())
                && overdue(api.get("/metrics", null).raw()) >= 1);
  }

  private static double overdue(String metrics) {
    Matcher m = Pattern.compile("(?m)^opsflow_heartbeats_overdue (\\S+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
