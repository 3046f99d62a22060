package io.opsflow.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Zoom's Server-to-Server OAuth token endpoint: checks the app's credentials, issues tokens. */
final class FakeZoomOAuth {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String accountId;
  private final String clientId;
  private final String clientSecret;
  private final Map<String, Instant> live = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Duration lifetime = Duration.ofHours(1);

  FakeZoomOAuth(String accountId, String clientId, String clientSecret) {
    this.accountId = accountId;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    if (!"POST".equals(ex.getRequestMethod())) {
      FakeZoomExchange.json(ex, 405, oauthError("invalid_request", "Method not allowed"));
      return;
    }
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      FakeZoomExchange.json(
          ex, 401, oauthError("invalid_client", "Invalid client_id or client_secret"));
      return;
    }
    Map<String, String> q = FakeZoomExchange.query(ex);
    if (!"account_credentials".equals(q.get("grant_type"))) {
      FakeZoomExchange.json(
          ex, 400, oauthError("unsupported_grant_type", "Unsupported grant type"));
      return;
    }
    if (!accountId.equals(q.get("account_id"))) {
      FakeZoomExchange.json(ex, 400, oauthError("invalid_request", "Invalid account_id"));
      return;
    }
    String token = randomToken();
    Duration ttl = lifetime;
    live.put(token, Instant.now().plus(ttl));
    FakeZoomExchange.json(
        ex,
        200,
        Map.of(
            "access_token",
            token,
            "token_type",
            "bearer",
            "expires_in",
            ttl.toSeconds(),
            "scope",
            "meeting:write:meeting:admin meeting:read:list_meetings:admin"));
  }

  boolean isLive(String token) {
    Instant until = live.get(token);
    return until != null && Instant.now().isBefore(until);
  }

  void expireAll() {
    live.clear();
  }

  void lifetime(Duration ttl) {
    this.lifetime = ttl;
  }

  int requests() {
    return requests.get();
  }

  private static Map<String, String> oauthError(String error, String reason) {
    return Map.of("reason", reason, "error", error);
  }

  static String randomToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
