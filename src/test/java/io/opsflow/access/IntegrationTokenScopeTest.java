package io.opsflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Integration tokens only send (alerts, events, check results, heartbeats): they read nothing. */
class IntegrationTokenScopeTest {
  private static final List<String> READS =
      List.of(
          "/api/v1/heartbeats",
          "/api/v1/incidents",
          "/api/v1/incidents/inc-1",
          "/api/v1/tickets",
          "/api/v1/tickets/t-1",
          "/api/v1/tickets/t-1/attachments/a-1",
          "/api/v1/maintenance-windows",
          "/api/v1/maintenance-windows/mw-1",
          "/api/v1/reports/uptime",
          "/api/v1/reports/sla?month=2026-01",
          "/api/v1/oncall",
          "/api/v1/schedules/platform-primary/shifts",
          "/api/v1/escalation-policies",
          "/api/v1/users",
          "/api/v1/audit",
          "/api/v1/webhooks",
          "/api/v1/tokens",
          "/api/v1/workflows",
          "/api/v1/mail/quarantine",
          "/api/v1/mail/quarantine/q-1",
          "/api/v1/sla/settings");

  @Test
  void integrationTokensAreRefusedOnEveryRead() {
    TestApp app = TestApp.shared();
    ApiCalls api = app.api();
    TestApp.Tenant t = app.aCustomerOrg();
    api.post("/api/v1/heartbeats/nightly-backup", t.integration(), "{\"interval\":\"PT1H\"}");

    for (String path : READS) {
      ApiCalls.Resp r = api.get(path, t.integration());
      assertThat(r.status()).as(path + ": " + r.raw()).isEqualTo(403);
      assertThat(r.raw()).as(path).doesNotContain("nightly-backup");
    }
    assertThat(api.get("/api/v1/heartbeats", t.sre()).status()).isEqualTo(200);
  }
}
