package io.opsflow.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.db.Page;
import io.opsflow.http.ApiException;
import io.opsflow.http.Fields;
import io.opsflow.http.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Create, list and revoke API tokens, without a restart. The secret is shown once. */
public final class TokenRoutes {
  private final Authenticator auth;
  private final Tokens tokens;
  private final io.opsflow.access.TokenRepository repository;
  private final io.opsflow.db.Audit audit;

  public TokenRoutes(
      Authenticator auth, Tokens tokens, io.opsflow.access.TokenRepository repository) {
    this(auth, tokens, repository, null);
  }

  /** Routes that also write token creation and revocation to the audit trail. */
  public TokenRoutes(
      Authenticator auth,
      Tokens tokens,
      io.opsflow.access.TokenRepository repository,
      io.opsflow.db.Audit audit) {
    this.auth = auth;
    this.tokens = tokens;
    this.repository = repository;
    this.audit = audit;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/tokens", this::create);
    routes.get("/api/v1/tokens", this::list);
    routes.delete("/api/v1/tokens/{id}", this::revoke);
  }

  private void create(Context ctx) {
    Principal admin = auth.requireAdmin(ctx);
    JsonNode body = Http.parse(Http.body(ctx));
    String kind = text(body, "kind");
    if (!kind.equals("integration") && !kind.equals("user")) {
      throw ApiException.badRequest("kind must be \"integration\" or \"user\"");
    }
    String name = text(body, "name");
    String organization = text(body, "organization");
    String role = body.path("role").asText(kind.equals("user") ? "sre" : "integration");
    Fields.atMost("name", name, Fields.NAME);
    Fields.organization("organization", organization);
    Fields.atMost("role", role, 40);
    if (kind.equals("user") && !role.equals("sre") && !role.equals("customer")) {
      throw ApiException.badRequest("a user token's role is \"sre\" or \"customer\"");
    }
    Tokens.Issued issued;
    try {
      issued = tokens.issue(Principal.Kind.parse(kind), name, organization, role);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    Map<String, Object> out = describe(issued.row());
    out.put("token", issued.secret());
    if (audit != null) {
      audit.record(
          admin.actor(),
          issued.row().organizationId(),
          "token.create",
          issued.row().id(),
          kind + " " + role + " " + name);
    }
    Http.json(ctx, 201, out);
  }

  private void list(Context ctx) {
    Principal p = auth.requireAdmin(ctx);
    Page<TokenRow> page;
    try {
      page = repository.list(p.scope(), Http.limit(ctx), ctx.queryParam("cursor"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    List<Object> items = new ArrayList<>();
    for (TokenRow row : page.items()) {
      items.add(describe(row));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("next", page.next());
    Http.json(ctx, 200, out);
  }

  private void revoke(Context ctx) {
    Principal p = auth.requireAdmin(ctx);
    TokenRow row =
        tokens
            .revoke(ctx.pathParam("id"), p.scope())
            .orElseThrow(() -> ApiException.notFound("no token " + ctx.pathParam("id")));
    if (audit != null) {
      audit.record(p.actor(), row.organizationId(), "token.revoke", row.id(), row.name());
    }
    Http.json(ctx, 200, describe(row));
  }

  private static Map<String, Object> describe(TokenRow row) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", row.id());
    m.put("kind", row.kind());
    m.put("name", row.name());
    m.put("organization", row.organizationId());
    m.put("role", row.role());
    m.put("hint", row.hint() + "…");
    m.put("createdAt", row.createdAt());
    m.put("revokedAt", row.revokedAt());
    return m;
  }

  private static String text(JsonNode body, String field) {
    String v = body.path(field).asText("");
    if (v.isBlank()) {
      throw ApiException.badRequest(field + " is required");
    }
    return v.trim();
  }
}
