package io.opsflow.access;

import io.javalin.http.Context;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;

/** Resolves the caller of a request from its bearer token, or answers 401. */
public final class Authenticator {
  private final Tokens tokens;

  public Authenticator(Tokens tokens) {
    this.tokens = tokens;
  }

  /**
   * A person or an admin: integration tokens only send (alerts, events, check results, heartbeats,
   * through {@link #requireIntegration}) and are refused on every other route, reads included.
   */
  public Principal require(Context ctx) {
    Principal p = check(Http.bearer(ctx));
    if (p.kind() == Principal.Kind.INTEGRATION) {
      throw ApiException.forbidden(
          "integration tokens only send alerts, events, check results and heartbeats");
    }
    return p;
  }

  public Principal check(String secret) {
    if (secret == null) {
      throw ApiException.unauthorized("missing bearer token");
    }
    return tokens
        .authenticate(secret)
        .orElseThrow(() -> ApiException.unauthorized("token is unknown or revoked"));
  }

  public Principal requireAdmin(Context ctx) {
    Principal p = require(ctx);
    if (!p.admin()) {
      throw ApiException.forbidden("this needs an admin token");
    }
    return p;
  }

  /** An integration token (alert intake): admins and users have no integration to send as. */
  public Principal requireIntegration(String secret) {
    Principal p = check(secret);
    if (p.kind() != Principal.Kind.INTEGRATION) {
      throw ApiException.forbidden("alerts are sent with an integration token");
    }
    return p;
  }
}
