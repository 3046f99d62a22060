package io.opsflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.RawHttp;
import io.opsflow.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Requests the server refuses before any route sees them (a bad escape in the path, a path or
 * headers too large, a malformed request) are answered like every other error: JSON under the API,
 * the site's error page under the portal and console.
 */
class ServerLevelErrorsTest {
  private final TestApp app = TestApp.shared();
  private final RawHttp raw = new RawHttp(app.baseUrl());

  private RawHttp.Answer get(String target, String extraHeaders) {
    return raw.send(
        "GET "
            + target
            + " HTTP/1.1\r\nHost: localhost\r\n"
            + extraHeaders
            + "Connection: close\r\n\r\n");
  }

  private static void assertJson(RawHttp.Answer a, int status) throws Exception {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.header("Content-Type")).startsWith("application/json");
    var body = ApiCalls.JSON.readTree(a.body());
    assertThat(body.path("error").asText()).isNotBlank();
    assertThat(body.path("detail").asText()).isNotBlank();
    assertThat(a.body()).doesNotContain("<html").doesNotContain("Exception").doesNotContain("org.");
  }

  private static void assertPage(RawHttp.Answer a, int status, String home) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.header("Content-Type")).startsWith("text/html");
    assertThat(a.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(a.body())
        .contains("<html lang=\"en\">")
        .contains("href=\"" + home + "\"")
        .doesNotContain("Exception")
        .doesNotContain("org.eclipse")
        .doesNotContain("Powered by");
  }

  @Test
  void aNulOrAnInvalidEscapeInAnApiPathIsAJson400() throws Exception {
    assertJson(get("/api/v1/incidents/%00", ""), 400);
    assertJson(get("/api/v1/incidents/%ff%fe", ""), 400);
    assertJson(get("/api/v1/incidents/%zz", ""), 400);
  }

  @Test
  void aPathTooLongIsAJson414AndHeadersTooLargeAJson431() throws Exception {
    assertJson(get("/api/v1/incidents/" + "a".repeat(20 * 1024), ""), 414);
    assertJson(get("/api/v1/incidents", "X-Big: " + "b".repeat(64 * 1024) + "\r\n"), 431);
  }

  @Test
  void aMalformedRequestIsAJson400() throws Exception {
    RawHttp.Answer a =
        raw.send("GET /api/v1/incidents HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n");
    assertJson(a, 400);
  }

  @Test
  void thePortalAndConsoleAnswerTheirErrorPage() {
    // an address the server cannot read at all is not known to be a page's: the API's JSON
    RawHttp.Answer unreadable = get("/portal/tickets/%00", "");
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.body()).doesNotContain("org.eclipse").doesNotContain("<h2>HTTP ERROR");
    assertPage(get("/console/tickets/%ff%fe", ""), 400, "/console");

    assertPage(get("/console", "X-Big: " + "b".repeat(64 * 1024) + "\r\n"), 431, "/console");
  }
}
