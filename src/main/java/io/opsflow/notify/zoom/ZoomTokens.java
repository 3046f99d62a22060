package io.opsflow.notify.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.notify.model.EffectFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The Server-to-Server OAuth access token, cached until a minute before it expires. Callers that
 * need a token at the same time wait for one request; a token the API refused is dropped with
 * {@link #refused(String)}, once, however many calls saw it refused.
 */
final class ZoomTokens {
  static final Duration MARGIN = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZoomSettings settings;
  private final ZoomHttp http;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  ZoomTokens(ZoomSettings settings, ZoomHttp http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  /** A live token: the cached one, or a new one if none is cached or it is about to expire. */
  synchronized String current() throws EffectFailure {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  /** The API refused {@code refusedToken}: forget it, unless another caller already replaced it. */
  synchronized void refused(String refusedToken) {
    if (refusedToken.equals(token)) {
      token = null;
    }
  }

  private void fetch() throws EffectFailure {
    token = null;
    Instant asked = clock.instant();
    HttpResponse<String> r = http.send(request(), "issue an access token");
    if (r.statusCode() / 100 != 2) {
      throw ZoomErrors.oauth(r, clock);
    }
    try {
      JsonNode body = JSON.readTree(r.body());
      String accessToken = body.path("access_token").asText("");
      if (accessToken.isEmpty()) {
        throw ZoomErrors.oauth(r, clock);
      }
      long expiresIn = body.path("expires_in").asLong(3600);
      token = accessToken;
      renewAt = asked.plusSeconds(expiresIn).minus(MARGIN);
    } catch (IOException e) {
      throw ZoomErrors.unreadable("a token request", e);
    }
  }

  private HttpRequest request() {
    String credentials = settings.clientId() + ":" + settings.clientSecret();
    String basic = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    URI uri =
        URI.create(
            settings.oauthUrl()
                + "?grant_type=account_credentials&account_id="
                + URLEncoder.encode(settings.accountId(), StandardCharsets.UTF_8));
    return ZoomHttp.request(uri)
        .header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }
}
