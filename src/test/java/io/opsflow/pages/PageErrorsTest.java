package io.opsflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.http.ApiException;
import io.opsflow.http.HttpServer;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.testing.TestApp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Errors in the pages' part of the site are pages: an unknown address, an unknown ticket, a method
 * a page does not take, a refusal or a failure outside a page handler all answer HTML with the
 * site's layout and a way back; the API keeps its JSON.
 */
class PageErrorsTest {
  private final TestApp app = TestApp.shared();

  private PageClient signedIn(String area, People.Person p) {
    PageClient c = new PageClient(app.baseUrl());
    assertThat(c.signIn(area, p.email(), People.PASSWORD).status()).isEqualTo(303);
    return c;
  }

  private static void assertPage(PageClient.Page p, int status, String heading, String home) {
    assertThat(p.status()).as(p.body()).isEqualTo(status);
    assertThat(p.header("Content-Type")).startsWith("text/html");
    assertThat(p.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(p.body())
        .contains("<html lang=\"en\">")
        .contains("<h1>" + heading + "</h1>")
        .contains("href=\"" + home + "\"")
        .doesNotContain("\"error\"")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void anUnknownAddressInThePortalIsAPageNotFound() {
    People.Person carol = People.aCustomer(app, People.anOrganization());
    PageClient c = signedIn("/portal", carol);
    PageClient.Page p = c.get("/portal/nope");
    assertPage(p, 404, "Page not found", "/portal");
    assertThat(p.body()).contains("There is no page at this address.").contains("Signed in as");
    assertPage(c.get("/portal/tickets/x/nope"), 404, "Page not found", "/portal");

    PageClient stranger = new PageClient(app.baseUrl());
    assertPage(stranger.get("/portal/nope?q=%3Cb%3E"), 404, "Page not found", "/portal");
    assertPage(stranger.get("/console/nope"), 404, "Page not found", "/console");
  }

  @Test
  void anUnknownTicketInTheConsoleIsAPageNotFound() {
    String org = People.anOrganization();
    PageClient sre = signedIn("/console", People.anSre(app, org));
    PageClient.Page p = sre.get("/console/tickets/" + UUID.randomUUID());
    assertPage(p, 404, "Page not found", "/console");
    assertThat(p.body()).contains("There is no such ticket in your organizations.");
    PageClient.Page odd = sre.get("/console/tickets/%3Cscript%3E");
    assertPage(odd, 404, "Page not found", "/console");
    assertThat(odd.body()).doesNotContain("<script");
  }

  @Test
  void aMethodAPageDoesNotTakeIs405WithAllow() {
    PageClient c = signedIn("/portal", People.aCustomer(app, People.anOrganization()));
    PageClient.Page get = c.get("/portal/tickets");
    assertPage(get, 405, "Method not allowed", "/portal");
    assertThat(get.header("Allow")).isEqualTo("POST");
    PageClient.Page post = c.post("/console", Map.of("x", "y"));
    assertPage(post, 405, "Method not allowed", "/portal");
    assertThat(post.header("Allow")).contains("GET");
  }

  @Test
  void theApiKeepsItsJsonErrors() {
    PageClient c = new PageClient(app.baseUrl());
    for (String path : List.of("/api/v1/nope", "/portalnope", "/nope")) {
      PageClient.Page p = c.get(path);
      assertThat(p.status()).isEqualTo(404);
      assertThat(p.header("Content-Type")).startsWith("application/json");
      assertThat(p.body()).contains("\"error\":\"not found\"");
    }
    PageClient.Page unauthorized = c.get("/api/v1/tickets");
    assertThat(unauthorized.status()).isEqualTo(401);
    assertThat(unauthorized.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void refusalsAndFailuresOutsideAPageHandlerArePagesWithoutTheirDetail() {
    Database db = app.app().database();
    try (KafkaClients kafka = new KafkaClients(app.app().kafkaBootstrap())) {
      Pages pages = PagesOver.database(db, kafka.producer(), Clock.systemUTC());
      HttpServer server =
          new HttpServer(
              List.of(
                  pages::register,
                  r -> {
                    r.get(
                        "/console/broken",
                        ctx -> {
                          throw new IllegalStateException("database password is hunter2");
                        });
                    r.get(
                        "/portal/refused",
                        ctx -> {
                          throw ApiException.forbidden("Not for <you>.");
                        });
                    r.get(
                        "/api/v1/broken",
                        ctx -> {
                          throw new IllegalStateException("an API failure");
                        });
                  }),
              new SimpleMeterRegistry(),
              List.of(pages.errors()));
      try {
        PageClient c = new PageClient("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        PageClient.Page broken = c.get("/console/broken");
        assertPage(broken, 500, "Something went wrong", "/console");
        assertThat(broken.body()).doesNotContain("hunter2").doesNotContain("IllegalState");
        PageClient.Page refused = c.get("/portal/refused");
        assertPage(refused, 403, "Not allowed", "/portal");
        assertThat(refused.body()).contains("Not for &lt;you&gt;.").doesNotContain("<you>");
        PageClient.Page api = c.get("/api/v1/broken");
        assertThat(api.status()).isEqualTo(500);
        assertThat(api.header("Content-Type")).startsWith("application/json");
      } finally {
        server.close();
      }
    }
  }
}
