package io.opsflow.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TenantServices;
import io.opsflow.testing.TestApp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service matching, and all that hangs on it, only considers the alert's own organization. */
class OrganizationServicesTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  @Test
  void eachOrganizationsAlertIsTriagedWithItsOwnService() {
    TestApp.Tenant a = app.aCustomerOrg();
    TestApp.Tenant b = app.aCustomerOrg();
    TestApp.Tenant none = app.aCustomerOrg();
    TenantServices.add(app, service(a, "green", "gold") + "\n" + service(b, "red", "bronze"));
    Instant now = Instant.now();
    ApiCalls.Resp window =
        api.post(
            "/api/v1/maintenance-windows",
            a.sre(),
            "{\"service\":\"checkout\",\"title\":\"a's checkout upgrade\",\"start\":\""
                + now.minusSeconds(60)
                + "\",\"end\":\""
                + now.plusSeconds(3600)
                + "\"}");
    assertThat(window.status()).as(window.raw()).isEqualTo(201);

    List<String> ofA = timeline(a, "maintenance");
    List<String> ofB = timeline(b, "escalated");
    List<String> ofNone = timeline(none, "triaged");

    assertThat(ofA)
        .contains("Triaged as P-0 by triage.dmn (service checkout, zone green, severity critical)")
        .anyMatch(m -> m.startsWith("In maintenance window 'a's checkout upgrade' until "));
    assertThat(ofB)
        .contains("Triaged as P-1 by triage.dmn (service checkout, zone red, severity critical)")
        .noneMatch(m -> m.startsWith("Not paged"))
        .anyMatch(m -> m.startsWith("Escalated to level 1"));
    assertThat(ofNone)
        .contains("Triaged as P-0 by triage.dmn (no service matched, severity critical)");
  }

  private static String service(TestApp.Tenant t, String zone, String tier) {
    return "  - {id: checkout, organization: "
        + t.organization()
        + ", zone: "
        + zone
        + ", tier: "
        + tier
        + ", match: {source: \"checkout-web-.*\"}}";
  }

  /** Sends a critical alert from checkout-web-1 and waits for a timeline entry of {@code kind}. */
  private List<String> timeline(TestApp.Tenant t, String kind) {
    api.post(
        "/api/v1/events",
        null,
        Samples.pagerDuty("pagerduty-trigger.json", t.integration())
            .replace("db-primary.prod.example.com", "checkout-web-1"));
    String id = api.onlyIncidentId(t.sre());
    JsonNode d =
        api.await(
            "/api/v1/incidents/" + id,
            t.sre(),
            x -> x.path("timeline").findValuesAsText("kind").contains(kind));
    return d.path("timeline").findValuesAsText("message");
  }
}
