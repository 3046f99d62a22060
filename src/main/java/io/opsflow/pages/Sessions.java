package io.opsflow.pages;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.opsflow.access.Principal;
import io.opsflow.access.Tokens;
import io.opsflow.access.User;
import io.opsflow.access.Users;
import io.opsflow.access.WebSessions;
import io.opsflow.ticket.model.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Browser sessions: a random 256-bit secret in an HttpOnly, SameSite=Lax cookie (Secure when the
 * public URL is https), of which only the SHA-256 is stored. A session ends after {@code idle}
 * without a request, after {@code max} in any case, at sign-out, and as soon as its user is
 * disabled or its token revoked.
 */
final class Sessions {
  static final String COOKIE = "opsflow_session";

  private final WebSessions store;
  private final Users users;
  private final Clock clock;
  private final Duration idle;
  private final Duration max;
  private final boolean secure;
  private volatile Instant nextSweep = Instant.MIN;

  Sessions(
      WebSessions store, Users users, Clock clock, Duration idle, Duration max, boolean secure) {
    this.store = store;
    this.users = users;
    this.clock = clock;
    this.idle = idle;
    this.max = max;
    this.secure = secure;
  }

  /** Starts a session for a user or a token, ending the one the browser had. */
  void begin(Context ctx, String userId, String tokenId) {
    end(ctx);
    Instant now = now();
    sweep(now);
    String secret = Tokens.randomSecret();
    store.create(
        new WebSessions.Session(
            sha256(secret), userId, tokenId, Tokens.randomSecret(), now, now.plus(max), now));
    ctx.cookie(cookie(COOKIE, secret, -1));
  }

  /** The signed-in viewer, or empty when there is no live session (an expired one is deleted). */
  Optional<Viewer> current(Context ctx) {
    String secret = ctx.cookie(COOKIE);
    if (secret == null || secret.isBlank() || secret.length() > 100) {
      return Optional.empty();
    }
    String hash = sha256(secret);
    Optional<WebSessions.Session> row = store.find(hash);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Instant now = now();
    WebSessions.Session r = row.get();
    Optional<Viewer> viewer = expired(r, now) ? Optional.empty() : viewerOf(r);
    if (viewer.isEmpty()) {
      store.delete(hash);
      return Optional.empty();
    }
    store.touch(hash, now);
    return viewer;
  }

  /** Ends the browser's session, if any: the row is deleted and the cookie cleared. */
  void end(Context ctx) {
    String secret = ctx.cookie(COOKIE);
    if (secret != null && !secret.isBlank() && secret.length() <= 100) {
      store.delete(sha256(secret));
      ctx.cookie(cookie(COOKIE, "", 0));
    }
  }

  /** A cookie with the attributes every opsflow cookie has. */
  Cookie cookie(String name, String value, int maxAgeSeconds) {
    return new Cookie(name, value, "/", maxAgeSeconds, secure, true, null, SameSite.LAX);
  }

  /** Milliseconds are enough, and every database keeps them exactly. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  private boolean expired(WebSessions.Session r, Instant now) {
    return !now.isBefore(r.expiresAt()) || !now.isBefore(r.seenAt().plus(idle));
  }

  private Optional<Viewer> viewerOf(WebSessions.Session r) {
    if (r.userId() != null) {
      return users
          .byId(r.userId())
          .filter(User::active)
          .map(u -> new Viewer(r.idHash(), principal(u), r.csrfToken(), u.name()));
    }
    return store
        .token(r.tokenId())
        .filter(t -> t.revokedAt() == null && "user".equals(t.kind()))
        .map(
            t ->
                new Viewer(
                    r.idHash(),
                    new Principal(
                        t.id(), Principal.Kind.USER, t.name(), t.organizationId(), t.role()),
                    r.csrfToken(),
                    t.name()));
  }

  static Principal principal(User u) {
    if (u.role() == Role.ADMIN) {
      return new Principal(null, Principal.Kind.ADMIN, u.name(), null, "admin", u.id());
    }
    return new Principal(
        null, Principal.Kind.USER, u.name(), u.organizationId(), u.role().wire(), u.id());
  }

  private void sweep(Instant now) {
    if (now.isAfter(nextSweep)) {
      nextSweep = now.plusSeconds(60);
      store.deleteExpired(now, now.minus(idle));
    }
  }

  static String sha256(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
