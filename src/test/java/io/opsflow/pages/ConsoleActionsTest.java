package io.opsflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Samples;
import io.opsflow.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's forms over plain HTTP: queues follow assignment and status, a priority change
 * without a reason is refused with the reason and changes nothing, incidents are linked; the
 * portal's status filter.
 */
class ConsoleActionsTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  private PageClient signedIn(String area, People.Person p) {
    PageClient c = new PageClient(app.baseUrl());
    assertThat(c.signIn(area, p.email(), People.PASSWORD).status()).isEqualTo(303);
    return c;
  }

  private JsonNode await(String id, java.util.function.Predicate<JsonNode> until) {
    return api.await(
        "/api/v1/tickets/" + id, app.adminToken(), x -> x.has("status") && until.test(x));
  }

  /** An incident of the organization, opened by an alert as in production. */
  private String anIncidentOf(String org) {
    String integration =
        api.token(app.adminToken(), "integration", "prom", org, null).path("token").asText();
    String reader =
        api.token(app.adminToken(), "user", "reader", org, "sre").path("token").asText();
    api.post("/api/v1/events", null, Samples.pagerDuty("pagerduty-trigger.json", integration));
    // the ticket raised to P-0 pages on-call with an incident of its own: pick the alert's one
    JsonNode found = api.await("/api/v1/incidents", reader, p -> alertIncident(p).isPresent());
    return alertIncident(found).orElseThrow().path("id").asText();
  }

  private static java.util.Optional<JsonNode> alertIncident(JsonNode page) {
    java.util.List<JsonNode> matching = new java.util.ArrayList<>();
    page.path("items")
        .forEach(
            i -> {
              if (i.path("title").asText().equals("Disk usage on db-primary above 90%")) {
                matching.add(i);
              }
            });
    assertThat(matching).as("one incident of the alert").hasSizeLessThanOrEqualTo(1);
    return matching.stream().findFirst();
  }

  @Test
  void anSreWorksATicketFromTheConsole() {
    String org = People.anOrganization();
    PageClient customer = signedIn("/portal", People.aCustomer(app, org));
    People.Person sam = People.anSre(app, org);
    PageClient sre = signedIn("/console", sam);
    PageClient.Page opened =
        customer.post(
            "/portal/tickets",
            Map.of(
                "csrf",
                customer.get("/portal/new").csrf(),
                "subject",
                "VPN down",
                "priority",
                "P-2"));
    String id = opened.location().substring("/portal/tickets/".length());
    await(id, x -> true);
    String base = "/console/tickets/" + id;
    String csrf = sre.get("/console").csrf();

    assertThat(sre.get("/console?queue=unassigned").body()).contains(base);
    assertThat(sre.get("/console?queue=mine").body()).doesNotContain(base);
    assertThat(sre.post(base + "/assign", Map.of("csrf", csrf, "assignee", sam.id())).status())
        .isEqualTo(303);
    await(id, x -> sam.id().equals(x.path("assigneeId").asText()));
    assertThat(sre.get("/console?queue=mine").body()).contains(base);
    assertThat(sre.get("/console?queue=unassigned").body()).doesNotContain(base);

    PageClient.Page noReason =
        sre.post(base + "/priority", Map.of("csrf", csrf, "priority", "P-0", "reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("a priority change needs a reason").contains("VPN down");
    assertThat(
            sre.post(
                    base + "/priority",
                    Map.of("csrf", csrf, "priority", "P-0", "reason", "all staff are locked out"))
                .status())
        .isEqualTo(303);
    JsonNode raised = await(id, x -> x.path("priority").asText().equals("P-0"));
    assertThat(raised.path("timeline").findValuesAsText("message"))
        .anyMatch(m -> m.contains("P-2 → P-0") && m.contains("all staff are locked out"));
    assertThat(sre.get("/console?queue=open&priority=P-0").body()).contains(base);
    assertThat(sre.get("/console?queue=open&priority=P-2").body()).doesNotContain(base);

    String incident = anIncidentOf(org);
    assertThat(sre.post(base + "/incidents", Map.of("csrf", csrf, "incidentId", incident)).status())
        .isEqualTo(303);
    await(id, x -> x.path("incidents").toString().contains(incident));
    assertThat(sre.get(base).body()).contains(incident);

    assertThat(
            sre.post(base + "/status", Map.of("csrf", csrf, "status", "waiting-on-customer"))
                .status())
        .isEqualTo(303);
    await(id, x -> x.path("status").asText().equals("waiting-on-customer"));
    assertThat(sre.get("/console?queue=waiting").body()).contains(base);
    assertThat(customer.get("/portal?status=waiting-on-customer").body())
        .contains("/portal/tickets/" + id);
    assertThat(customer.get("/portal?status=closed").body()).doesNotContain(id);
    assertThat(customer.get("/portal?status=bogus").status()).isEqualTo(400);
    assertThat(sre.post(base + "/status", Map.of("csrf", csrf, "status", "gone")).status())
        .isEqualTo(400);
  }
}
