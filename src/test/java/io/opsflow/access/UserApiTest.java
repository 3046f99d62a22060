package io.opsflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import org.junit.jupiter.api.Test;

/** Users and roles: who may add whom, password rules, and the audit trail per organization. */
class UserApiTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  private String user(String email, String role, String org, String password) {
    return "{\"email\":\""
        + email
        + "\",\"name\":\"N\",\"role\":\""
        + role
        + "\""
        + (org == null ? "" : ",\"organization\":\"" + org + "\"")
        + (password == null ? "" : ",\"password\":\"" + password + "\"")
        + "}";
  }

  @Test
  void adminsAndSresAddPeopleWithinTheirReachAndEveryChangeIsAudited() {
    TestApp.Tenant t = app.aCustomerOrg();
    TestApp.Tenant other = app.aCustomerOrg();
    String mail = "erin@" + t.organization() + ".example";
    assertThat(
            api.post(
                    "/api/v1/users",
                    app.adminToken(),
                    user(mail, "customer", t.organization(), "short"))
                .status())
        .isEqualTo(400);
    assertThat(
            api.post("/api/v1/users", app.adminToken(), user(mail, "customer", null, null))
                .status())
        .isEqualTo(400);
    assertThat(
            api.post("/api/v1/users", app.adminToken(), user(mail, "boss", t.organization(), null))
                .status())
        .isEqualTo(400);
    ApiCalls.Resp created =
        api.post(
            "/api/v1/users",
            app.adminToken(),
            user(mail, "customer", t.organization(), "a long enough secret"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("passwordSet").asBoolean()).isTrue();
    assertThat(created.raw()).doesNotContain("a long enough secret").doesNotContain("argon2");
    assertThat(
            api.post(
                    "/api/v1/users",
                    app.adminToken(),
                    user(mail, "customer", t.organization(), null))
                .status())
        .isEqualTo(409);

    // an SRE of the organization adds customers of that organization only: naming another is
    // refused, not re-homed
    assertThat(
            api.post(
                    "/api/v1/users",
                    t.sre(),
                    user(
                        "frank@" + t.organization() + ".example",
                        "customer",
                        other.organization(),
                        null))
                .status())
        .isEqualTo(403);
    ApiCalls.Resp bySre =
        api.post(
            "/api/v1/users",
            t.sre(),
            user("frank@" + t.organization() + ".example", "customer", null, null));
    assertThat(bySre.status()).isEqualTo(201);
    assertThat(bySre.body().path("organization").asText()).isEqualTo(t.organization());
    assertThat(
            api.post(
                    "/api/v1/users",
                    t.sre(),
                    user("gina@" + t.organization() + ".example", "sre", null, null))
                .status())
        .isEqualTo(403);
    String customer =
        api.token(app.adminToken(), "user", "erin", t.organization(), "customer")
            .path("token")
            .asText();
    assertThat(api.get("/api/v1/users", customer).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/audit", customer).status()).isEqualTo(403);
    JsonNode users = api.get("/api/v1/users", t.sre()).body().path("items");
    assertThat(users.findValuesAsText("email"))
        .contains(mail)
        .allMatch(e -> e.contains(t.organization()));

    api.post("/api/v1/tickets", customer, "{\"subject\":\"audit me\",\"priority\":\"P-2\"}");
    JsonNode audit =
        api.await(
            "/api/v1/audit",
            t.sre(),
            a -> a.path("items").findValuesAsText("action").contains("ticket.open"));
    assertThat(audit.path("items").findValuesAsText("action"))
        .contains("user.create", "token.create", "ticket.open");
    assertThat(audit.path("items").findValuesAsText("organization")).containsOnly(t.organization());
    JsonNode otherAudit = api.get("/api/v1/audit", other.sre()).body().path("items");
    assertThat(otherAudit.findValuesAsText("subject"))
        .doesNotContain(created.body().path("id").asText());
  }
}
