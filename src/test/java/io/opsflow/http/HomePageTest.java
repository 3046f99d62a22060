package io.opsflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.RawHttp;
import io.opsflow.testing.TestApp;
import org.junit.jupiter.api.Test;

/** {@code GET /} is a small page linking the portal, the console, /health and the docs. */
class HomePageTest {
  private final TestApp app = TestApp.shared();
  private final RawHttp raw = new RawHttp(app.baseUrl());

  @Test
  void theRootAnswersAPageLinkingThePortalTheConsoleHealthAndTheDocs() {
    RawHttp.Answer a = raw.send("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.header("Content-Type")).startsWith("text/html");
    assertThat(a.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(a.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(a.body())
        .contains("<html lang=\"en\">")
        .contains("<title>")
        .contains("<h1>")
        .contains("href=\"/portal\"")
        .contains("href=\"/console\"")
        .contains("href=\"/health\"")
        .contains("docs/")
        .doesNotContain("<script")
        .doesNotContain("style=");
  }
}
