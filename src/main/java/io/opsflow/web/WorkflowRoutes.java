package io.opsflow.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.workflow.EngineFactory;
import io.opsflow.workflow.WorkflowRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployed models, and {@code POST /api/v1/workflows/reload}: an admin edits {@code
 * workflows/triage.dmn} (or a process) and deploys it without a restart.
 */
public final class WorkflowRoutes {
  private final Authenticator auth;
  private final WorkflowRuntime runtime;

  public WorkflowRoutes(Authenticator auth, WorkflowRuntime runtime) {
    this.auth = auth;
    this.runtime = runtime;
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
    auth.requireAdmin(ctx);
    WorkflowRuntime.Reload r = runtime.reload();
    Map<String, Object> body = new LinkedHashMap<>();
    if (r.refused()) {
      body.put("error", "invalid models");
      body.put("detail", "nothing deployed: " + r.problems().size() + " problem(s)");
      body.put("problems", r.problems());
      Http.json(ctx, 422, body);
      return;
    }
    body.put("status", "reloaded");
    body.put("items", models(r.models()));
    Http.json(ctx, 200, body);
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
