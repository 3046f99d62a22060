package io.opsflow.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Posts one signed delivery and says how it went, as a record: nothing above this class sees an
 * HTTP exception. A 429 or 503 with {@code Retry-After} (seconds) carries the receiver's wish.
 */
public final class WebhookSender {
  private final HttpClient http;
  private final Duration timeout;
  private final boolean allowPrivate;

  public WebhookSender(Duration timeout, boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** How an attempt ended: delivered, or failed with a reason and maybe a wish for the retry. */
  public record Outcome(boolean delivered, String error, Optional<Duration> retryAfter) {}

  /** The request to send. */
  public record Delivery(
      String url, String deliveryId, String eventType, String body, List<String> secrets) {}

  public CompletableFuture<Outcome> send(Delivery d, long unixSeconds) {
    byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
    if (!allowPrivate) {
      Optional<String> refused =
          Optional.ofNullable(hostOf(d.url())).flatMap(PrivateAddresses::refusal);
      if (refused.isPresent()) {
        return CompletableFuture.completedFuture(
            new Outcome(false, "refused: " + refused.get(), Optional.empty()));
      }
    }
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(d.url()))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("Opsflow-Delivery", d.deliveryId())
              .header("Opsflow-Event", d.eventType())
              .header("Opsflow-Signature", WebhookSignature.header(unixSeconds, body, d.secrets()))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          new Outcome(false, "bad url: " + e.getMessage(), Optional.empty()));
    }
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle(
            (r, e) -> {
              if (e != null) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return new Outcome(false, cause.toString(), Optional.empty());
              }
              int status = r.statusCode();
              if (status >= 200 && status < 300) {
                return new Outcome(true, null, Optional.empty());
              }
              Optional<Duration> wish = Optional.empty();
              if (status == 429 || status == 503) {
                wish = r.headers().firstValue("Retry-After").flatMap(WebhookSender::seconds);
              }
              return new Outcome(false, "HTTP " + status, wish);
            });
  }

  private static String hostOf(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Optional<Duration> seconds(String raw) {
    try {
      long s = Long.parseLong(raw.trim());
      return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP date: fall back to our own backoff
    }
  }
}
