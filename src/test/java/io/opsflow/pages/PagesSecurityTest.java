package io.opsflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pages over plain HTTP on a running instance: headers, sign-in refusals, CSRF, organization
 * scope, escaping, the console refusing customers, token sign-in, and oversized attachments.
 */
class PagesSecurityTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  private PageClient signedIn(String area, People.Person p) {
    PageClient c = new PageClient(app.baseUrl());
    PageClient.Page r = c.signIn(area, p.email(), People.PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(303);
    return c;
  }

  private String openTicket(PageClient c, String subject, String description) {
    PageClient.Page form = c.get("/portal/new");
    PageClient.Page r =
        c.post(
            "/portal/tickets",
            Map.of(
                "csrf",
                form.csrf(),
                "subject",
                subject,
                "description",
                description,
                "priority",
                "P-2"));
    assertThat(r.status()).as(r.body()).isEqualTo(303);
    String id = r.location().substring("/portal/tickets/".length());
    api.await("/api/v1/tickets/" + id, app.adminToken(), x -> x.has("status"));
    return id;
  }

  private JsonNode ticket(String id) {
    return api.get("/api/v1/tickets/" + id, app.adminToken()).body();
  }

  @Test
  void pagesCarryAStrictSecurityPolicyAndOneHeading() {
    PageClient.Page p = new PageClient(app.baseUrl()).get("/portal/signin");
    assertThat(p.status()).isEqualTo(200);
    assertThat(p.header("Content-Security-Policy"))
        .contains("default-src 'none'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(p.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(p.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(p.header("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(p.body()).contains("<html lang=\"en\">").doesNotContain("<script");
    assertThat(p.body().split("<h1").length).isEqualTo(2);
    assertThat(p.header("Set-Cookie")).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }

  @Test
  void aWrongPasswordOrUnknownAddressStartsNoSession() {
    People.Person carol = People.aCustomer(app, People.anOrganization());
    PageClient c = new PageClient(app.baseUrl());
    PageClient.Page wrong = c.signIn("/portal", carol.email(), "not the password at all");
    PageClient.Page unknown = c.signIn("/portal", "nobody-" + carol.email(), People.PASSWORD);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.body()).contains("The email address or password is not right.");
    assertThat(unknown.body()).contains("The email address or password is not right.");
    assertThat(c.hasSessionCookie()).isFalse();
    PageClient.Page portal = c.get("/portal");
    assertThat(portal.status()).isEqualTo(303);
    assertThat(portal.location()).startsWith("/portal/signin");
  }

  @Test
  void repeatedFailuresForOneAddressAreThrottled() {
    People.Person carol = People.aCustomer(app, People.anOrganization());
    PageClient c = new PageClient(app.baseUrl());
    for (int i = 0; i < 5; i++) {
      assertThat(c.signIn("/portal", carol.email(), "wrong password " + i).status()).isEqualTo(401);
    }
    PageClient.Page refused = c.signIn("/portal", carol.email(), People.PASSWORD);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body()).contains("Too many failed sign-ins");
    assertThat(c.hasSessionCookie()).isFalse();
  }

  @Test
  void aFormWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
    String org = People.anOrganization();
    PageClient c = signedIn("/portal", People.aCustomer(app, org));
    String id = openTicket(c, "csrf target", "");
    String path = "/portal/tickets/" + id + "/comments";
    PageClient.Page missing = c.post(path, Map.of("body", "no token"));
    PageClient.Page forged = c.post(path, Map.of("body", "forged token", "csrf", "x".repeat(43)));
    PageClient.Page noTicket =
        c.post("/portal/tickets", Map.of("subject", "forged ticket", "priority", "P-2"));
    assertThat(missing.status()).isEqualTo(403);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(noTicket.status()).isEqualTo(403);
    assertThat(forged.body()).contains("did not come from opsflow");

    String csrf = c.get("/portal/tickets/" + id).csrf();
    assertThat(c.post(path, Map.of("body", "the real one", "csrf", csrf)).status()).isEqualTo(303);
    JsonNode d =
        api.await("/api/v1/tickets/" + id, app.adminToken(), x -> x.path("comments").size() >= 1);
    assertThat(d.path("comments").findValuesAsText("body")).containsExactly("the real one");
    JsonNode list =
        api.get("/api/v1/tickets?organization=" + d.path("organization").asText(), app.adminToken())
            .body();
    assertThat(list.path("items").findValuesAsText("subject")).containsExactly("csrf target");

    PageClient.Page signInWithoutToken =
        new PageClient(app.baseUrl())
            .post("/portal/signin", Map.of("email", "x@example.com", "password", People.PASSWORD));
    assertThat(signInWithoutToken.status()).isEqualTo(403);
  }

  @Test
  void anotherOrganizationsTicketIsNotFoundInThePortalAndTheConsole() {
    String owner = People.anOrganization();
    String other = People.anOrganization();
    String id = openTicket(signedIn("/portal", People.aCustomer(app, owner)), "private", "");
    PageClient customer = signedIn("/portal", People.aCustomer(app, other));
    PageClient sre = signedIn("/console", People.anSre(app, other));

    assertThat(customer.get("/portal/tickets/" + id).status()).isEqualTo(404);
    assertThat(sre.get("/console/tickets/" + id).status()).isEqualTo(404);
    String csrf = customer.get("/portal").csrf();
    PageClient.Page comment =
        customer.post("/portal/tickets/" + id + "/comments", Map.of("body", "hi", "csrf", csrf));
    assertThat(comment.status()).isEqualTo(404);
    String sreCsrf = sre.get("/console").csrf();
    PageClient.Page status =
        sre.post(
            "/console/tickets/" + id + "/status", Map.of("status", "resolved", "csrf", sreCsrf));
    assertThat(status.status()).isEqualTo(404);
    assertThat(sre.get("/console?queue=open").body()).doesNotContain(id);
    assertThat(ticket(id).path("status").asText()).isEqualTo("new");
    assertThat(ticket(id).path("comments").size()).isZero();
  }

  @Test
  void whatPeopleWriteIsEscaped() {
    String org = People.anOrganization();
    PageClient c = signedIn("/portal", People.aCustomer(app, org));
    String id =
        openTicket(c, "<script>alert(1)</script>", "<img src=x onerror=\"alert(2)\"> & more");
    String page = c.get("/portal/tickets/" + id).body();
    assertThat(page)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; more")
        .doesNotContain("<script")
        .doesNotContain("<img");
    PageClient sre = signedIn("/console", People.anSre(app, org));
    assertThat(sre.get("/console?queue=open").body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script");
  }

  @Test
  void customersAreRefusedTheConsoleAndSresAreSentToIt() {
    String org = People.anOrganization();
    PageClient customer = signedIn("/portal", People.aCustomer(app, org));
    PageClient.Page console = customer.get("/console");
    assertThat(console.status()).isEqualTo(403);
    assertThat(console.body()).contains("The console is for SREs");
    PageClient sre = signedIn("/console", People.anSre(app, org));
    assertThat(sre.get("/portal").location()).isEqualTo("/console");
    assertThat(sre.get("/console").status()).isEqualTo(200);
  }

  @Test
  void aUserTokenSignsInAndAnIntegrationTokenDoesNot() {
    String org = People.anOrganization();
    String sreToken =
        api.token(app.adminToken(), "user", "tina", org, "sre").path("token").asText();
    String integration =
        api.token(app.adminToken(), "integration", "prom", org, null).path("token").asText();
    PageClient c = new PageClient(app.baseUrl());
    String csrf = c.get("/console/signin").csrf();
    PageClient.Page refused = c.post("/console/signin", Map.of("csrf", csrf, "token", integration));
    assertThat(refused.status()).isEqualTo(401);
    PageClient.Page ok = c.post("/console/signin", Map.of("csrf", csrf, "token", sreToken));
    assertThat(ok.status()).isEqualTo(303);
    assertThat(ok.location()).isEqualTo("/console");
    PageClient.Page queue = c.get("/console");
    assertThat(queue.status()).isEqualTo(200);
    assertThat(queue.body()).contains("Signed in as tina");
  }

  @Test
  void anAttachmentOverTheLimitIs413AndOpensNothing() {
    String org = People.anOrganization();
    PageClient c = signedIn("/portal", People.aCustomer(app, org));
    Map<String, String> fields = new HashMap<>();
    fields.put("csrf", c.get("/portal/new").csrf());
    fields.put("subject", "with a big file");
    fields.put("priority", "P-1");
    PageClient.Page big =
        c.postMultipart("/portal/tickets", fields, "big.bin", new byte[300 * 1024]);
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.body()).contains("at most 256 KiB");
    PageClient.Page small =
        c.postMultipart("/portal/tickets", fields, "small.txt", "hello".getBytes());
    assertThat(small.status()).isEqualTo(303);
    String id = small.location().substring("/portal/tickets/".length());
    JsonNode d =
        api.await(
            "/api/v1/tickets/" + id, app.adminToken(), x -> x.path("attachments").size() == 1);
    assertThat(d.path("attachments").get(0).path("filename").asText()).isEqualTo("small.txt");
    JsonNode list =
        api.get("/api/v1/tickets?organization=" + d.path("organization").asText(), app.adminToken())
            .body();
    assertThat(list.path("items").size()).isEqualTo(1);
    PageClient.Page file =
        c.get(
            "/portal/tickets/"
                + id
                + "/attachments/"
                + d.path("attachments").get(0).path("id").asText());
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).isEqualTo("hello");
  }
}
