package io.opsflow.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.http.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts one ephemeral message to a {@code response_url} and says how it went, as a record: a 2xx is
 * sent; a network error, 5xx or 429 may pass later (with Slack's {@code Retry-After}); any other
 * answer ({@code 404 expired_url}, {@code used_url}, {@code 400 invalid_payload}) will not.
 */
final class ResponseUrlSender {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** How an attempt ended. */
  record Outcome(boolean sent, boolean retryable, String error, Optional<Duration> retryAfter) {}

  Outcome post(String url, String text) {
    ObjectNode body = Http.JSON.createObjectNode();
    body.put("response_type", "ephemeral");
    body.put("replace_original", false);
    body.put("text", text);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = r.statusCode();
      if (status >= 200 && status < 300) {
        return new Outcome(true, false, null, Optional.empty());
      }
      String error = "HTTP " + status + " " + abbreviate(r.body());
      boolean retry = status == 429 || status >= 500;
      Optional<Duration> wish =
          r.headers().firstValue("Retry-After").flatMap(ResponseUrlSender::seconds);
      return new Outcome(false, retry, error, wish);
    } catch (IOException e) {
      return new Outcome(false, true, e.toString(), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, true, "interrupted", Optional.empty());
    }
  }

  private static Optional<Duration> seconds(String v) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
  }
}
