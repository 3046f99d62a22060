package io.opsflow.uptime;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.db.Audit;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import io.opsflow.sla.SlaJson;
import io.opsflow.uptime.model.MaintenanceWindow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Maintenance windows: created, listed and deleted by admins and SRE users of the organization.
 * Windows of {@code sla/maintenance.yaml} are listed too (source "file") but only change with the
 * file. Another organization's window answers 404, as if it did not exist. Creations and deletions
 * are on the audit trail ({@code maintenance.create}, {@code maintenance.delete}).
 */
public final class MaintenanceRoutes {
  private final Authenticator auth;
  private final MaintenanceStore store;
  private final Supplier<List<MaintenanceWindow>> fileWindows;
  private final Clock clock;
  private final Audit audit;

  public MaintenanceRoutes(
      Authenticator auth,
      MaintenanceStore store,
      Supplier<List<MaintenanceWindow>> fileWindows,
      Clock clock,
      Audit audit) {
    this.auth = auth;
    this.store = store;
    this.fileWindows = fileWindows;
    this.clock = clock;
    this.audit = audit;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/maintenance-windows", this::create);
    routes.get("/api/v1/maintenance-windows", this::list);
    routes.get("/api/v1/maintenance-windows/{id}", this::get);
    routes.delete("/api/v1/maintenance-windows/{id}", this::delete);
  }

  /** Admins, and SRE users of their own organization. */
  static Principal staff(Authenticator auth, Context ctx) {
    Principal p = auth.require(ctx);
    boolean sre = p.kind() == Principal.Kind.USER && !"customer".equalsIgnoreCase(p.role());
    if (!p.admin() && !sre) {
      throw ApiException.forbidden("maintenance windows are managed by admins and SRE users");
    }
    return p;
  }

  private void create(Context ctx) {
    Principal p = staff(auth, ctx);
    JsonNode body = Http.parse(Http.body(ctx));
    if (!body.isObject()) {
      throw ApiException.badRequest("body must be a JSON object");
    }
    String org =
        MaintenanceRequest.organization(p, MaintenanceRequest.text(body, "organization", 64));
    String service = MaintenanceRequest.text(body, "service", 200);
    String title = MaintenanceRequest.text(body, "title", 500);
    MaintenanceWindow w =
        new MaintenanceWindow(
            "mw_" + UUID.randomUUID(),
            org,
            service,
            title == null ? "maintenance" : title,
            MaintenanceRequest.schedule(body),
            "api",
            clock.instant());
    store.create(w, p.actor());
    audited(p, "maintenance.create", w);
    Http.json(ctx, 201, SlaJson.window(w, clock.instant()));
  }

  private void list(Context ctx) {
    Principal p = staff(auth, ctx);
    Http.noCursor(ctx);
    String service = ctx.queryParam("service");
    List<MaintenanceWindow> all = new ArrayList<>(fileWindows.get());
    all.addAll(store.list(p.scope()));
    Instant now = clock.instant();
    Http.json(
        ctx,
        200,
        SlaJson.items(
            all.stream()
                .filter(w -> p.scope() == null || w.organizationId().equals(p.scope()))
                .filter(
                    w -> service == null || service.equals(w.serviceId()) || w.serviceId() == null)
                .map(w -> SlaJson.window(w, now))
                .toList()));
  }

  private void get(Context ctx) {
    Principal p = staff(auth, ctx);
    Http.json(ctx, 200, SlaJson.window(find(p, ctx.pathParam("id")), clock.instant()));
  }

  private void delete(Context ctx) {
    Principal p = staff(auth, ctx);
    MaintenanceWindow w = find(p, ctx.pathParam("id"));
    if ("file".equals(w.source())) {
      throw new ApiException(
          409,
          "conflict",
          "window " + w.id() + " is defined in sla/maintenance.yaml: edit the file");
    }
    store.delete(w.id());
    audited(p, "maintenance.delete", w);
    ctx.status(204);
  }

  private void audited(Principal p, String action, MaintenanceWindow w) {
    String service = w.serviceId() == null ? "every service" : w.serviceId();
    audit.record(p.actor(), w.organizationId(), action, w.id(), service + ": " + w.title());
  }

  private MaintenanceWindow find(Principal p, String id) {
    return fileWindows.get().stream()
        .filter(w -> w.id().equals(id))
        .findFirst()
        .or(() -> store.find(id))
        .filter(w -> p.scope() == null || w.organizationId().equals(p.scope()))
        .orElseThrow(() -> ApiException.notFound("no maintenance window " + id));
  }
}
