package io.opsflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.RawHttp;
import io.opsflow.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A form under /portal or /console that cannot be read (declared multipart but not, a chunked body
 * cut off, a body shorter than its Content-Length) is a 400 page saying so, and changes nothing:
 * every form route, signed in with its session and CSRF token so the request reaches the form's
 * parsing.
 */
class UnreadableFormsTest {
  private final TestApp app = TestApp.shared();
  private final RawHttp raw = new RawHttp(app.baseUrl());

  private PageClient signedIn(String area, People.Person p) {
    PageClient c = new PageClient(app.baseUrl());
    assertThat(c.signIn(area, p.email(), People.PASSWORD).status()).isEqualTo(303);
    return c;
  }

  /** A form route and the cookie and CSRF token that let a request reach its parsing. */
  private record Route(String path, String cookie, String csrf) {}

  private enum Broken {
    NOT_MULTIPART,
    CHUNKS_CUT_OFF,
    SHORT_CONTENT_LENGTH
  }

  private RawHttp.Answer send(Route r, Broken how) {
    String form =
        "csrf=" + r.csrf() + "&body=hello&subject=s&priority=P-1&status=resolved&reason=r";
    byte[] body = form.getBytes(StandardCharsets.US_ASCII);
    String head =
        "POST " + r.path() + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + r.cookie() + "\r\n";
    return switch (how) {
      case NOT_MULTIPART ->
          raw.send(
              head
                  + "Content-Type: multipart/form-data; boundary=opsflow\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n",
              body,
              false);
      case CHUNKS_CUT_OFF ->
          raw.send(
              head
                  + "Content-Type: application/x-www-form-urlencoded\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n",
              ("400\r\n" + form).getBytes(StandardCharsets.US_ASCII),
              true);
      case SHORT_CONTENT_LENGTH ->
          raw.send(
              head
                  + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                  + (body.length + 500)
                  + "\r\n\r\n",
              body,
              true);
    };
  }

  @Test
  void everyFormThatCannotBeReadIs400AndChangesNothing() {
    String org = People.anOrganization();
    PageClient customer = signedIn("/portal", People.aCustomer(app, org));
    PageClient sre = signedIn("/console", People.anSre(app, org));
    PageClient.Page opened =
        customer.post(
            "/portal/tickets",
            Map.of(
                "csrf", customer.get("/portal/new").csrf(), "subject", "VPN", "priority", "P-2"));
    String id = opened.location().substring("/portal/tickets/".length());
    JsonNode before =
        app.api().await("/api/v1/tickets/" + id, app.adminToken(), x -> x.has("status"));

    String portal = "opsflow_session=" + customer.sessionCookie();
    String portalCsrf = customer.get("/portal/new").csrf();
    String console = "opsflow_session=" + sre.sessionCookie();
    String consoleCsrf = sre.get("/console").csrf();
    String signinCsrf = new PageClient(app.baseUrl()).get("/portal/signin").csrf();
    List<Route> routes =
        List.of(
            new Route("/portal/signin", "opsflow_signin=" + signinCsrf, signinCsrf),
            new Route("/console/signin", "opsflow_signin=" + signinCsrf, signinCsrf),
            new Route("/portal/signout", portal, portalCsrf),
            new Route("/console/signout", console, consoleCsrf),
            new Route("/portal/tickets", portal, portalCsrf),
            new Route("/portal/tickets/" + id + "/comments", portal, portalCsrf),
            new Route("/console/tickets/" + id + "/comments", console, consoleCsrf),
            new Route("/console/tickets/" + id + "/assign", console, consoleCsrf),
            new Route("/console/tickets/" + id + "/status", console, consoleCsrf),
            new Route("/console/tickets/" + id + "/priority", console, consoleCsrf),
            new Route("/console/tickets/" + id + "/incidents", console, consoleCsrf));
    for (Route r : routes) {
      for (Broken how : Broken.values()) {
        RawHttp.Answer a = send(r, how);
        assertThat(a.status()).as(r.path() + " " + how + ": " + a.body()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("text/html");
        assertThat(a.body())
            .contains("The form could not be read")
            .doesNotContain("Exception")
            .doesNotContain("org.eclipse");
      }
    }

    assertThat(customer.get("/portal").status()).as("still signed in").isEqualTo(200);
    assertThat(sre.get("/console").status()).as("still signed in").isEqualTo(200);
    JsonNode after = app.api().get("/api/v1/tickets/" + id, app.adminToken()).body();
    assertThat(after.path("version")).isEqualTo(before.path("version"));
    assertThat(after.path("status")).isEqualTo(before.path("status"));
    assertThat(after.path("priority")).isEqualTo(before.path("priority"));
    assertThat(after.path("comments").size()).isEqualTo(before.path("comments").size());
    JsonNode tickets =
        app.api().get("/api/v1/tickets?organization=" + org, app.adminToken()).body();
    assertThat(tickets.path("items").size()).isEqualTo(1);
  }
}
