package io.opsflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ticket API on a running instance: a customer opens a ticket, an SRE answers, notes, waits on
 * the customer, the customer's reply reopens the clocks, resolution and reopening; internal notes
 * stay internal; another organization sees nothing; bad input changes nothing.
 */
class TicketApiTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  private String customerOf(TestApp.Tenant t) {
    return api.token(app.adminToken(), "user", "carol", t.organization(), "customer")
        .path("token")
        .asText();
  }

  private JsonNode awaitTicket(String id, String token, java.util.function.Predicate<JsonNode> p) {
    return api.await("/api/v1/tickets/" + id, token, x -> x.has("status") && p.test(x));
  }

  @Test
  void aCustomerAndAnSreWorkATicketThroughTheApi() {
    TestApp.Tenant t = app.aCustomerOrg();
    String customer = customerOf(t);
    String carol = "carol-" + java.util.UUID.randomUUID() + "@example.com";
    api.post(
        "/api/v1/users",
        app.adminToken(),
        "{\"email\":\""
            + carol
            + "\",\"role\":\"customer\",\"organization\":\""
            + t.organization()
            + "\"}");
    ApiCalls.Resp opened =
        api.post(
            "/api/v1/tickets",
            customer,
            "{\"subject\":\"Checkout <b>fails</b>\",\"description\":\"500 on /pay\","
                + "\"priority\":\"P-1\",\"requesterEmail\":\""
                + carol
                + "\"}");
    assertThat(opened.status()).isEqualTo(202);
    String id = opened.body().path("id").asText();
    assertThat(opened.body().path("reference").asText()).matches("T-[0-9A-F]{8}");

    JsonNode triaged =
        awaitTicket(
            id, t.sre(), x -> x.path("timeline").findValuesAsText("kind").contains("triage"));
    assertThat(triaged.path("timeline").findValuesAsText("message"))
        .anyMatch(m -> m.startsWith("Triaged as P-1; response due "));
    JsonNode d = awaitTicket(id, customer, x -> x.path("sla").size() == 2);
    assertThat(d.path("status").asText()).isEqualTo("new");
    assertThat(d.path("subject").asText()).isEqualTo("Checkout <b>fails</b>");
    assertThat(d.path("organization").asText()).isEqualTo(t.organization());
    assertThat(d.path("timeline").findValuesAsText("message").get(0))
        .startsWith("Opened by user:carol via api as P-1");

    assertThat(
            api.post(
                    "/api/v1/tickets/" + id + "/comments",
                    t.sre(),
                    "{\"body\":\"Looking into it\"}")
                .status())
        .isEqualTo(202);
    api.post(
        "/api/v1/tickets/" + id + "/comments",
        t.sre(),
        "{\"body\":\"db pool exhausted\",\"visibility\":\"internal\"}");
    JsonNode answered = awaitTicket(id, t.sre(), x -> x.path("comments").size() == 2);
    assertThat(answered.path("status").asText()).isEqualTo("open");
    assertThat(clock(answered, "response").path("met").asBoolean()).isTrue();
    JsonNode seenByCustomer = awaitTicket(id, customer, x -> true);
    assertThat(seenByCustomer.path("comments").findValuesAsText("body"))
        .containsExactly("Looking into it");
    assertThat(seenByCustomer.path("timeline").findValuesAsText("kind")).doesNotContain("note");

    api.post(
        "/api/v1/tickets/" + id + "/status",
        t.sre(),
        "{\"status\":\"waiting-on-customer\",\"reason\":\"need the request id\"}");
    JsonNode waiting =
        awaitTicket(id, t.sre(), x -> x.path("status").asText().equals("waiting-on-customer"));
    assertThat(clock(waiting, "resolution").path("paused").asBoolean()).isTrue();
    api.post("/api/v1/tickets/" + id + "/comments", customer, "{\"body\":\"req-42\"}");
    JsonNode back = awaitTicket(id, t.sre(), x -> x.path("status").asText().equals("open"));
    assertThat(clock(back, "resolution").path("paused").asBoolean()).isFalse();

    assertThat(
            api.post(
                    "/api/v1/tickets/" + id + "/priority",
                    customer,
                    "{\"priority\":\"P-0\",\"reason\":\"urgent\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            api.post("/api/v1/tickets/" + id + "/priority", t.sre(), "{\"priority\":\"P-0\"}")
                .status())
        .isEqualTo(400);
    api.post(
        "/api/v1/tickets/" + id + "/priority",
        t.sre(),
        "{\"priority\":\"P-0\",\"reason\":\"payments are down for everyone\"}");
    JsonNode raised = awaitTicket(id, t.sre(), x -> x.path("priority").asText().equals("P-0"));
    assertThat(raised.path("timeline").findValuesAsText("message"))
        .anyMatch(m -> m.contains("P-1 → P-0") && m.contains("payments are down for everyone"));
    assertThat(clock(raised, "resolution").path("target").asText()).isEqualTo("PT4H");

    api.post("/api/v1/tickets/" + id + "/status", t.sre(), "{\"status\":\"resolved\"}");
    awaitTicket(id, customer, x -> x.path("status").asText().equals("resolved"));
    api.post("/api/v1/tickets/" + id + "/comments", customer, "{\"body\":\"still failing\"}");
    JsonNode reopened = awaitTicket(id, customer, x -> x.path("status").asText().equals("open"));
    assertThat(reopened.path("timeline").findValuesAsText("message"))
        .contains("Reopened by the customer's reply");

    JsonNode list = api.get("/api/v1/tickets?status=open", customer).body();
    assertThat(list.path("items").findValuesAsText("id")).containsExactly(id);
    assertThat(list.has("next")).isTrue();
  }

  @Test
  void anotherOrganizationGetsNotFoundEverywhere() {
    TestApp.Tenant owner = app.aCustomerOrg();
    TestApp.Tenant other = app.aCustomerOrg();
    String id =
        api.post(
                "/api/v1/tickets", customerOf(owner), "{\"subject\":\"mine\",\"priority\":\"P-2\"}")
            .body()
            .path("id")
            .asText();
    awaitTicket(id, owner.sre(), x -> true);
    String stranger = customerOf(other);
    for (String token : List.of(stranger, other.sre())) {
      assertThat(api.get("/api/v1/tickets/" + id, token).status()).isEqualTo(404);
      assertThat(
              api.post("/api/v1/tickets/" + id + "/comments", token, "{\"body\":\"x\"}").status())
          .isEqualTo(404);
      assertThat(
              api.post("/api/v1/tickets/" + id + "/status", token, "{\"status\":\"resolved\"}")
                  .status())
          .isEqualTo(404);
      assertThat(
              api.post(
                      "/api/v1/tickets/" + id + "/priority",
                      token,
                      "{\"priority\":\"P-0\",\"reason\":\"x\"}")
                  .status())
          .isEqualTo(404);
      assertThat(
              api.post("/api/v1/tickets/" + id + "/assignee", token, "{\"assignee\":null}")
                  .status())
          .isEqualTo(404);
      assertThat(
              api.post("/api/v1/tickets/" + id + "/watchers", token, "{\"email\":\"a@b.example\"}")
                  .status())
          .isEqualTo(404);
      assertThat(
              api.post("/api/v1/tickets/" + id + "/incidents", token, "{\"incidentId\":\"x\"}")
                  .status())
          .isEqualTo(404);
      assertThat(api.get("/api/v1/tickets/" + id + "/attachments/x", token).status())
          .isEqualTo(404);
      assertThat(api.get("/api/v1/tickets", token).body().path("items").findValuesAsText("id"))
          .doesNotContain(id);
    }
    // a customer cannot open a ticket for another organization either: refused, not re-homed
    ApiCalls.Resp forged =
        api.post(
            "/api/v1/tickets",
            stranger,
            "{\"subject\":\"x\",\"priority\":\"P-2\",\"organization\":\""
                + owner.organization()
                + "\"}");
    assertThat(forged.status()).as(forged.raw()).isEqualTo(403);
    assertThat(api.get("/api/v1/tickets", owner.sre()).body().path("items").findValuesAsText("id"))
        .containsExactly(id);
  }

  @Test
  void badInputIsRefusedWithTheReasonAndChangesNothing() {
    TestApp.Tenant t = app.aCustomerOrg();
    String customer = customerOf(t);
    ApiCalls.Resp unknown =
        api.post("/api/v1/tickets", customer, "{\"subject\":\"x\",\"priorty\":\"P-1\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("detail").asText()).contains("unknown field 'priorty'");
    assertThat(
            api.post("/api/v1/tickets", customer, "{\"subject\":\"x\",\"priority\":\"P-9\"}")
                .status())
        .isEqualTo(400);
    assertThat(api.post("/api/v1/tickets", customer, "{\"priority\":\"P-1\"}").status())
        .isEqualTo(400);
    String big = Base64.getEncoder().encodeToString(new byte[300 * 1024]);
    ApiCalls.Resp tooBig =
        api.post(
            "/api/v1/tickets",
            customer,
            "{\"subject\":\"x\",\"attachments\":[{\"filename\":\"dump.bin\",\"content\":\""
                + big
                + "\"}]}");
    assertThat(tooBig.status()).isEqualTo(413);
    String huge = "x".repeat(600 * 1024);
    assertThat(
            api.post(
                    "/api/v1/tickets",
                    customer,
                    "{\"subject\":\"x\",\"description\":\"" + huge + "\"}")
                .status())
        .isEqualTo(413);
    String id =
        api.post("/api/v1/tickets", customer, "{\"subject\":\"ok\",\"priority\":\"P-2\"}")
            .body()
            .path("id")
            .asText();
    awaitTicket(id, customer, x -> true);
    assertThat(
            api.post("/api/v1/tickets/" + id + "/status", t.sre(), "{\"status\":\"sleeping\"}")
                .status())
        .isEqualTo(400);
    assertThat(
            api.post(
                    "/api/v1/tickets/" + id + "/comments",
                    customer,
                    "{\"body\":\"x\",\"visibility\":\"internal\"}")
                .status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/tickets?status=sleeping", customer).status()).isEqualTo(400);
    JsonNode list = api.get("/api/v1/tickets", customer).body().path("items");
    assertThat(list.findValuesAsText("id")).containsExactly(id);
  }

  @Test
  void attachmentsAreStoredAndServedToThoseWhoMaySeeThem() {
    TestApp.Tenant t = app.aCustomerOrg();
    String customer = customerOf(t);
    String content = Base64.getEncoder().encodeToString("hello log".getBytes());
    String id =
        api.post(
                "/api/v1/tickets",
                customer,
                "{\"subject\":\"logs\",\"priority\":\"P-2\",\"attachments\":[{\"filename\":"
                    + "\"app.log\",\"mediaType\":\"text/plain\",\"content\":\""
                    + content
                    + "\"}]}")
            .body()
            .path("id")
            .asText();
    JsonNode d = awaitTicket(id, customer, x -> x.path("attachments").size() == 1);
    JsonNode a = d.path("attachments").get(0);
    assertThat(a.path("filename").asText()).isEqualTo("app.log");
    assertThat(a.path("size").asInt()).isEqualTo(9);
    ApiCalls.Resp file = api.get(a.path("url").asText(), customer);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.raw()).isEqualTo("hello log");
  }

  @Test
  void anIncidentThatAffectsACustomerOpensATicketForThemAndResolvesIt() {
    TestApp.Tenant t = app.aCustomerOrg();
    ApiCalls.Resp user =
        api.post(
            "/api/v1/users",
            app.adminToken(),
            "{\"email\":\"dana@"
                + t.organization()
                + ".example\",\"name\":\"Dana\",\"role\":\"customer\",\"organization\":\""
                + t.organization()
                + "\"}");
    assertThat(user.status()).isEqualTo(201);
    api.post(
        "/api/v1/events",
        null,
        io.opsflow.testing.Samples.pagerDuty("pagerduty-trigger.json", t.integration()));
    String incident = api.onlyIncidentId(t.sre());
    String customer = customerOf(t);
    JsonNode list =
        api.await("/api/v1/tickets", customer, p -> p.path("items").size() == 1).path("items");
    assertThat(list.get(0).path("source").asText()).isEqualTo("incident");
    assertThat(list.get(0).path("priority").asText()).isEqualTo("P-0");
    String ticket = list.get(0).path("id").asText();
    JsonNode d = awaitTicket(ticket, customer, x -> x.path("incidents").size() == 1);
    assertThat(d.path("incidents").get(0).asText()).isEqualTo(incident);
    assertThat(d.path("watchers").get(0).asText())
        .isEqualTo("dana@" + t.organization() + ".example");
    JsonNode incidentDetail = api.get("/api/v1/incidents/" + incident, t.sre()).body();
    assertThat(incidentDetail.path("timeline").findValuesAsText("message"))
        .anyMatch(m -> m.startsWith("Linked to ticket T-"));

    api.post("/api/v1/incidents/" + incident + "/resolve", t.sre(), "{}");
    JsonNode resolved =
        awaitTicket(ticket, customer, x -> x.path("status").asText().equals("resolved"));
    assertThat(resolved.path("comments").findValuesAsText("body"))
        .anyMatch(b -> b.startsWith("The incident is resolved"));
  }

  private static JsonNode clock(JsonNode d, String kind) {
    for (JsonNode c : d.path("sla")) {
      if (c.path("kind").asText().equals(kind)) {
        return c;
      }
    }
    throw new AssertionError("no " + kind + " clock in " + d);
  }
}
