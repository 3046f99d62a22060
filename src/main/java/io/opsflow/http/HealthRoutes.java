package io.opsflow.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@code /health} (200 when ready and every component is up, else 503) and {@code /metrics}. */
public final class HealthRoutes {
  private final Map<String, BooleanSupplier> components;
  private final Supplier<Map<String, String>> integrations;
  private final BooleanSupplier ready;
  private final PrometheusMeterRegistry metrics;

  public HealthRoutes(
      Map<String, BooleanSupplier> components,
      Supplier<Map<String, String>> integrations,
      BooleanSupplier ready,
      PrometheusMeterRegistry metrics) {
    this.components = components;
    this.integrations = integrations;
    this.ready = ready;
    this.metrics = metrics;
  }

  public void register(RoutesConfig routes) {
    routes.get("/health", this::health);
    routes.get("/metrics", this::metrics);
  }

  private void health(Context ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    boolean up = ready.getAsBoolean();
    for (Map.Entry<String, BooleanSupplier> c : components.entrySet()) {
      boolean ok = c.getValue().getAsBoolean();
      up &= ok;
      out.put(c.getKey(), ok ? "up" : "down");
    }
    out.put("integrations", integrations.get());
    out.put("status", !ready.getAsBoolean() ? "starting" : up ? "up" : "down");
    Http.json(ctx, up ? 200 : 503, out);
  }

  private void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }
}
