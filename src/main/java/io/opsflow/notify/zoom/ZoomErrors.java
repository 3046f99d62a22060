package io.opsflow.notify.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.notify.model.EffectFailure;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Maps Zoom's HTTP answers and transport errors to {@link EffectFailure}, with timeline text. */
final class ZoomErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ZoomErrors() {}

  /** A failed API call: 429, 5xx retry; any other status (400, 401 after a refresh, 404) not. */
  static EffectFailure api(String action, HttpResponse<String> r, Clock clock) {
    int status = r.statusCode();
    String detail = detail(r.body());
    if (status == 429) {
      Duration wait = retryAfter(r.headers().firstValue("Retry-After"), clock).orElse(null);
      return EffectFailure.retry(
          "rate_limited", sentence("Zoom rate-limited the request to " + action + detail), wait);
    }
    if (status >= 500) {
      return EffectFailure.retry(
          "http_" + status,
          sentence("Zoom failed to " + action + " (HTTP " + status + ")" + detail),
          (Duration) null);
    }
    return EffectFailure.permanent(
        "http_" + status,
        sentence("Zoom refused to " + action + " (HTTP " + status + ")" + detail));
  }

  /** A failed token request: Zoom refusing the app's credentials is permanent. */
  static EffectFailure oauth(HttpResponse<String> r, Clock clock) {
    int status = r.statusCode();
    if (status == 429 || status >= 500) {
      return api("issue an access token", r, clock);
    }
    return EffectFailure.permanent(
        "oauth_" + oauthCode(r.body()),
        "Zoom refused the app's credentials (HTTP "
            + status
            + ")"
            + detail(r.body())
            + "; check the account id, client id and client secret.");
  }

  static EffectFailure transport(String action, IOException e) {
    String what = e instanceof HttpTimeoutException ? "timed out" : "failed: " + e;
    return EffectFailure.retry("io", "Calling Zoom to " + action + " " + what + ".", e);
  }

  static EffectFailure interrupted(String action, InterruptedException e) {
    Thread.currentThread().interrupt();
    return EffectFailure.retry("interrupted", "Interrupted while calling Zoom to " + action, e);
  }

  static EffectFailure unreadable(String action, Exception e) {
    return EffectFailure.retry(
        "bad_response", "Zoom answered " + action + " with an unreadable body: " + e, e);
  }

  private static String sentence(String s) {
    return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
  }

  /** Retry-After as delta-seconds or an HTTP date; never negative. */
  static Optional<Duration> retryAfter(Optional<String> header, Clock clock) {
    if (header.isEmpty() || header.get().isBlank()) {
      return Optional.empty();
    }
    String raw = header.get().trim();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(raw))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(raw, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /** ": code 124, Invalid access token" from Zoom's {"code","message"} or OAuth's body. */
  private static String detail(String body) {
    JsonNode n = parse(body);
    if (n.hasNonNull("code") || n.hasNonNull("message")) {
      String code = n.hasNonNull("code") ? "code " + n.get("code").asText() + ", " : "";
      return ": " + code + n.path("message").asText("no message");
    }
    if (n.hasNonNull("reason") || n.hasNonNull("error")) {
      String error = n.hasNonNull("error") ? n.get("error").asText() + ", " : "";
      return ": " + error + n.path("reason").asText("no reason");
    }
    return "";
  }

  private static String oauthCode(String body) {
    return parse(body).path("error").asText("rejected");
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode n = body == null || body.isBlank() ? null : JSON.readTree(body);
      return n == null ? JSON.createObjectNode() : n;
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
