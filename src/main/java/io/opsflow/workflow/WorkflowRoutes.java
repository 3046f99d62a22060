package io.opsflow.workflow;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.db.Audit;
import io.opsflow.http.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployed models, and {@code POST /api/v1/workflows/reload}: an admin edits {@code
 * workflows/triage.dmn} (or a process) and deploys it without a restart; a reload that deploys is
 * on the audit trail ({@code workflow.reload}, with the models deployed anew).
 */
public final class WorkflowRoutes {
  private final Authenticator auth;
  private final WorkflowRuntime runtime;
  private final Audit audit;

  public WorkflowRoutes(Authenticator auth, WorkflowRuntime runtime, Audit audit) {
    this.auth = auth;
    this.runtime = runtime;
    this.audit = audit;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/workflows", this::list);
    routes.post("/api/v1/workflows/reload", this::reload);
  }

  private void list(Context ctx) {
    auth.requireAdmin(ctx);
    Http.json(ctx, 200, Map.of("items", models(runtime.deployed())));
  }

  private void reload(Context ctx) {
    Principal p = auth.requireAdmin(ctx);
    WorkflowRuntime.Reload r = runtime.reload();
    Map<String, Object> body = new LinkedHashMap<>();
    if (r.refused()) {
      body.put("error", "invalid models");
      body.put("detail", "nothing deployed: " + r.problems().size() + " problem(s)");
      body.put("problems", r.problems());
      Http.json(ctx, 422, body);
      return;
    }
    audit.record(p.actor(), null, "workflow.reload", null, changed(r.models()));
    body.put("status", "reloaded");
    body.put("items", models(r.models()));
    Http.json(ctx, 200, body);
  }

  /** {@code triage.dmn v4, ...}: the models the reload deployed anew. */
  private static String changed(List<EngineFactory.DeployedModel> models) {
    List<String> changed =
        models.stream()
            .filter(EngineFactory.DeployedModel::newVersion)
            .map(m -> m.resource() + " v" + m.version())
            .toList();
    return changed.isEmpty() ? "no model changed" : String.join(", ", changed);
  }

  private static List<Object> models(List<EngineFactory.DeployedModel> deployed) {
    List<Object> out = new ArrayList<>();
    for (EngineFactory.DeployedModel m : deployed) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("resource", m.resource());
      x.put("key", m.key());
      x.put("version", m.version());
      x.put("newVersion", m.newVersion());
      out.add(x);
    }
    return out;
  }
}
