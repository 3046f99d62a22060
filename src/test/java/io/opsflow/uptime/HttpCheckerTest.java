package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opsflow.uptime.model.CheckDefinition;
import io.opsflow.uptime.model.CheckResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP checker against a local JDK server: up, wrong status, wrong body, too slow, refused. */
class HttpCheckerTest {
  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);
  private final HttpChecker checker = new HttpChecker(Clock.systemUTC());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ok", x -> answer(x, 200, "{\"status\":\"ok\"}"));
    server.createContext("/broken", x -> answer(x, 503, "maintenance"));
    server.createContext(
        "/slow",
        x -> {
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          answer(x, 200, "late");
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange x, int status, String body)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(status, b.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(b);
    }
  }

  private CheckDefinition check(String path, int status, String body, Duration timeout) {
    return new CheckDefinition(
        "home",
        "acme",
        "shop",
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
        status,
        body,
        Duration.ofSeconds(30),
        timeout);
  }

  @Test
  void upWhenTheStatusAndBodyAreAsExpected() {
    CheckResult r = checker.run(check("/ok", 200, "\"ok\"", Duration.ofSeconds(5)));
    assertThat(r.ok()).isTrue();
    assertThat(r.check()).isEqualTo("home");
    assertThat(r.service()).isEqualTo("shop");
    assertThat(r.latencyMs()).isNotNull().isGreaterThanOrEqualTo(0);
  }

  @Test
  void downOnAnotherStatusOrAMissingBodyText() {
    CheckResult wrongStatus = checker.run(check("/broken", 200, null, Duration.ofSeconds(5)));
    assertThat(wrongStatus.ok()).isFalse();
    assertThat(wrongStatus.detail()).isEqualTo("HTTP 503, expected 200");
    assertThat(checker.run(check("/broken", 503, null, Duration.ofSeconds(5))).ok()).isTrue();
    CheckResult wrongBody = checker.run(check("/ok", 200, "healthy", Duration.ofSeconds(5)));
    assertThat(wrongBody.ok()).isFalse();
    assertThat(wrongBody.detail()).contains("does not contain 'healthy'");
  }

  @Test
  void downWhenTooSlow() {
    long t0 = System.nanoTime();
    CheckResult r = checker.run(check("/slow", 200, null, Duration.ofMillis(300)));
    assertThat(r.ok()).isFalse();
    assertThat(r.detail()).isEqualTo("timed out after PT0.3S");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void downWhenNothingListens() {
    int port = server.getAddress().getPort();
    server.stop(0);
    CheckResult r =
        checker.run(
            new CheckDefinition(
                "home",
                "acme",
                "shop",
                URI.create("http://127.0.0.1:" + port + "/ok"),
                200,
                null,
                Duration.ofSeconds(30),
                Duration.ofSeconds(2)));
    assertThat(r.ok()).isFalse();
    assertThat(r.detail()).startsWith("request failed");
  }
}
