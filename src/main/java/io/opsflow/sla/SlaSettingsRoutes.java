package io.opsflow.sla;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.db.Audit;
import io.opsflow.http.Http;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The business calendars and SLA policies in force ({@code GET /api/v1/sla/settings}) and {@code
 * POST /api/v1/sla/reload}, which reads {@code calendars.yaml} and {@code policies.yaml} of the SLA
 * directory again: all or nothing, as at start; a reload in force is on the audit trail ({@code
 * sla.reload}). Admins only.
 */
public final class SlaSettingsRoutes {
  private final Authenticator auth;
  private final SlaConfig config;
  private final Clock clock;
  private final IntSupplier retarget;
  private final Audit audit;

  /**
   * @param retarget after a successful reload: moves the running clocks whose deadline changed and
   *     answers how many
   */
  public SlaSettingsRoutes(
      Authenticator auth, SlaConfig config, IntSupplier retarget, Clock clock, Audit audit) {
    this.auth = auth;
    this.audit = audit;
    this.config = config;
    this.retarget = retarget;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/sla/settings", this::settings);
    routes.post("/api/v1/sla/reload", this::reload);
  }

  private void settings(Context ctx) {
    auth.requireAdmin(ctx);
    Http.json(ctx, 200, SlaSettingsJson.settings(config.loaded(), clock.instant()));
  }

  private void reload(Context ctx) {
    Principal p = auth.requireAdmin(ctx);
    List<String> problems = config.reload();
    if (!problems.isEmpty()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "invalid SLA configuration");
      body.put("detail", "the settings in force are unchanged: " + problems.size() + " problem(s)");
      body.put("problems", problems);
      Http.json(ctx, 422, body);
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "reloaded");
    int moved = retarget.getAsInt();
    audit.record(p.actor(), null, "sla.reload", null, moved + " running clock(s) moved");
    body.put("clocksMoved", moved);
    body.putAll(SlaSettingsJson.settings(config.loaded(), clock.instant()));
    Http.json(ctx, 200, body);
  }
}
