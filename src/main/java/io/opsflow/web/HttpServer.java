package io.opsflow.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: routes, the error format of the contract, and request metrics. */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  private static final String STARTED = "opsflow.started";

  private final Javalin app;

  public HttpServer(
      List<Consumer<io.javalin.config.RoutesConfig>> routeSets, MeterRegistry metrics) {
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.http.maxRequestSize = Http.MAX_BODY + 1L;
              config.jetty.multipartConfig.maxTotalRequestSize(
                  Http.MAX_BODY + 1L, io.javalin.config.SizeUnit.BYTES);
              config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
              config.routes.after(ctx -> record(ctx, metrics));
              routeSets.forEach(r -> r.accept(config.routes));
              config.routes.exception(
                  IntakeRoutes.PagerDutyError.class,
                  (e, ctx) -> Http.json(ctx, e.status(), e.body()));
              config.routes.exception(
                  ApiException.class, (e, ctx) -> Http.json(ctx, e.status(), error(e)));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    log.error("{} {} failed", ctx.method(), ctx.path(), e);
                    Http.json(
                        ctx, 500, error(new ApiException(500, "internal error", e.toString())));
                  });
              config.routes.error(
                  404,
                  "*",
                  ctx -> {
                    if (ctx.result() == null) {
                      Http.json(ctx, 404, error(ApiException.notFound("no route " + ctx.path())));
                    }
                  });
            });
  }

  private static Map<String, Object> error(ApiException e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", e.error());
    m.put("detail", e.getMessage());
    return m;
  }

  private static void record(Context ctx, MeterRegistry metrics) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    String route = ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
    Timer.builder("http.server.requests")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(metrics)
        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** Starts on the port (0 = a free one) and returns the port bound. */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
