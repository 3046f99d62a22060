package io.opsflow.uptime;

import io.opsflow.uptime.model.CheckDefinition;
import io.opsflow.uptime.model.CheckResult;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;

/** Runs one HTTP check: a GET, the expected status and (optionally) a body substring, in time. */
public final class HttpChecker {
  private final HttpClient client;
  private final Clock clock;

  public HttpChecker(Clock clock) {
    this.clock = clock;
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  public CheckResult run(CheckDefinition check) {
    Instant at = clock.instant();
    long t0 = System.nanoTime();
    HttpRequest request =
        HttpRequest.newBuilder(check.url())
            .timeout(check.timeout())
            .header("User-Agent", "opsflow-check/1")
            .GET()
            .build();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (r.statusCode() != check.expectedStatus()) {
        return result(
            check,
            false,
            at,
            ms,
            "HTTP " + r.statusCode() + ", expected " + check.expectedStatus());
      }
      if (check.bodyContains() != null && !r.body().contains(check.bodyContains())) {
        return result(check, false, at, ms, "body does not contain '" + check.bodyContains() + "'");
      }
      return result(check, true, at, ms, "HTTP " + r.statusCode());
    } catch (HttpTimeoutException e) {
      return result(check, false, at, elapsed(t0), "timed out after " + check.timeout());
    } catch (IOException e) {
      return result(check, false, at, elapsed(t0), "request failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return result(check, false, at, elapsed(t0), "interrupted");
    }
  }

  private static long elapsed(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static CheckResult result(
      CheckDefinition c, boolean ok, Instant at, long ms, String detail) {
    return new CheckResult(c.id(), c.serviceId(), ok, at, ms, detail);
  }
}
