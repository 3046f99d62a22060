package io.opsflow.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.db.Audit;
import io.opsflow.http.ApiException;
import io.opsflow.http.Emails;
import io.opsflow.http.Fields;
import io.opsflow.http.Http;
import io.opsflow.http.JsonBodies;
import io.opsflow.ticket.model.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * People (customers, SREs, admins) and the audit trail. Admins manage everyone; an SRE of one
 * organization may add and list the customers of that organization.
 */
public final class UserRoutes {
  private static final Set<String> FIELDS =
      Set.of("email", "name", "organization", "role", "password", "slackUserId");

  private final Authenticator auth;
  private final UserStore users;
  private final Audit audit;

  public UserRoutes(Authenticator auth, UserStore users, Audit audit) {
    this.auth = auth;
    this.users = users;
    this.audit = audit;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/users", this::create);
    routes.get("/api/v1/users", this::list);
    routes.delete("/api/v1/users/{id}", this::disable);
    routes.get("/api/v1/audit", this::auditTrail);
  }

  private Principal staff(Context ctx) {
    Principal p = auth.require(ctx);
    if (!p.admin() && !(p.kind() == Principal.Kind.USER && !p.customer())) {
      throw ApiException.forbidden("this needs an admin or SRE");
    }
    return p;
  }

  private void create(Context ctx) {
    Principal p = staff(ctx);
    JsonNode b = Http.parse(Http.body(ctx));
    JsonBodies.only(b, FIELDS);
    String email = JsonBodies.text(b, "email");
    if (!Emails.valid(email)) {
      throw ApiException.badRequest("email is not a mail address");
    }
    Role role =
        Role.parse(JsonBodies.text(b, "role"))
            .orElseThrow(() -> ApiException.badRequest("role must be customer, sre or admin"));
    String org = Fields.organization("organization", JsonBodies.text(b, "organization"));
    if (!p.admin()) {
      if (role != Role.CUSTOMER || p.scope() == null) {
        throw ApiException.forbidden("an SRE adds customers of their own organization only");
      }
      org = OrganizationScope.of(p, org);
    }
    if (role == Role.CUSTOMER && (org == null || org.isBlank())) {
      throw ApiException.badRequest("a customer belongs to an organization");
    }
    if (role == Role.ADMIN) {
      org = null;
    }
    String password = JsonBodies.text(b, "password");
    String hash = null;
    if (password != null) {
      String weak = Passwords.weakness(password);
      if (weak != null) {
        throw ApiException.badRequest(weak);
      }
      hash = Passwords.hash(password);
    }
    if (users.byEmail(email).isPresent()) {
      throw new ApiException(409, "conflict", "a user with this email exists");
    }
    String name = Fields.atMost("name", JsonBodies.text(b, "name"), Fields.NAME);
    String slackUserId =
        Fields.atMost("slackUserId", JsonBodies.text(b, "slackUserId"), Fields.SLACK_USER_ID);
    UserStore.UserRow u =
        users.create(
            email,
            name == null || name.isBlank() ? Fields.cut(email, Fields.NAME) : name,
            org,
            role,
            hash,
            slackUserId);
    audit.record(
        p.actor(), u.organizationId(), "user.create", u.id(), role.wire() + " " + u.email());
    Http.json(ctx, 201, UserJson.user(u));
  }

  private void list(Context ctx) {
    Principal p = staff(ctx);
    Http.noCursor(ctx);
    List<Map<String, Object>> items = users.list(p.scope()).stream().map(UserJson::user).toList();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", items);
    m.put("next", null);
    Http.json(ctx, 200, m);
  }

  private void disable(Context ctx) {
    Principal p = auth.requireAdmin(ctx);
    if (!users.disable(ctx.pathParam("id"), null)) {
      throw ApiException.notFound("user not found or already disabled");
    }
    audit.record(p.actor(), null, "user.disable", ctx.pathParam("id"), null);
    ctx.status(204);
  }

  private void auditTrail(Context ctx) {
    Principal p = staff(ctx);
    Http.noCursor(ctx);
    List<Map<String, Object>> items =
        audit.recent(p.scope(), Http.limit(ctx)).stream().map(UserJson::auditEntry).toList();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", items);
    m.put("next", null);
    Http.json(ctx, 200, m);
  }
}
