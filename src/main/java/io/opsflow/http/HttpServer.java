package io.opsflow.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.util.MethodNotAllowedUtil;
import io.javalin.router.EndpointNotFound;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The HTTP server: routes, the error format of the contract (the web pages answer theirs as HTML,
 * through {@link ErrorPages}), and request metrics.
 */
public final class HttpServer implements AutoCloseable {
  private static final String STARTED = "opsflow.started";

  private final Javalin app;
  private final List<ErrorPages> pages;

  public HttpServer(
      List<Consumer<io.javalin.config.RoutesConfig>> routeSets, MeterRegistry metrics) {
    this(routeSets, metrics, List.of());
  }

  /**
   * The server with the API's JSON errors, except for requests one of {@code pages} covers: those
   * get its answer (the web pages answer HTML).
   */
  public HttpServer(
      List<Consumer<io.javalin.config.RoutesConfig>> routeSets,
      MeterRegistry metrics,
      List<ErrorPages> pages) {
    this.pages = List.copyOf(pages);
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.http.maxRequestSize = Http.MAX_BODY + 1L;
              config.jetty.multipartConfig.maxTotalRequestSize(
                  Http.MAX_BODY + 1L, io.javalin.config.SizeUnit.BYTES);
              ServerErrorHandler refusals = new ServerErrorHandler(this.pages);
              config.jetty.modifyServer(server -> server.setErrorHandler(refusals));
              config.jetty.modifyServletContextHandler(h -> h.setErrorHandler(refusals));
              config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
              config.routes.after(ctx -> record(ctx, metrics));
              routeSets.forEach(r -> r.accept(config.routes));
              config.routes.exception(ApiException.class, this::refused);
              config.routes.exception(HttpResponseException.class, this::refusedByJavalin);
              config.routes.exception(EndpointNotFound.class, (e, ctx) -> noRoute(ctx));
              config.routes.exception(Exception.class, this::failed);
              config.routes.error(
                  404,
                  "*",
                  ctx -> {
                    if (ctx.result() == null) {
                      noRoute(ctx);
                    }
                  });
            });
  }

  private void refused(ApiException e, Context ctx) {
    Optional<ErrorPages> p = pagesFor(ctx);
    if (p.isPresent()) {
      p.get().answer(ctx, e.status(), e.getMessage());
    } else {
      Http.json(ctx, e.status(), error(e));
    }
  }

  /** Javalin's own refusals (413, 405 ...): the API's error format, or the page's. */
  private void refusedByJavalin(HttpResponseException e, Context ctx) {
    Optional<ErrorPages> p = pagesFor(ctx);
    if (p.isPresent()) {
      p.get().answer(ctx, e.getStatus(), e.getMessage());
    } else {
      String reason = HttpStatus.forStatus(e.getStatus()).getMessage().toLowerCase(Locale.ROOT);
      String detail = e.getMessage() == null || e.getMessage().isBlank() ? reason : e.getMessage();
      Http.json(ctx, e.getStatus(), error(new ApiException(e.getStatus(), reason, detail)));
    }
  }

  /**
   * A failure: logged with the exception under an error id; the answer carries the id alone (the
   * page shows it, Slack gets it as an ephemeral reply, the API in {@code errorId}).
   */
  private void failed(Exception e, Context ctx) {
    ApiException internal = Failures.internal(ctx.method() + " " + ctx.path() + " failed", e);
    Optional<ErrorPages> p = pagesFor(ctx);
    if (p.isPresent()) {
      p.get().answer(ctx, 500, Failures.pageMessage(internal.errorId()));
    } else if (ctx.path().startsWith("/slack/")) {
      Http.json(
          ctx,
          200,
          Map.of(
              "response_type",
              "ephemeral",
              "text",
              "opsflow could not do that. " + internal.getMessage()));
    } else {
      Http.json(ctx, 500, error(internal));
    }
  }

  /**
   * No route: the API's 404, or the page's. A page address asked with a method it does not take (a
   * visit to a form's target) is 405 with {@code Allow}.
   */
  private void noRoute(Context ctx) {
    Optional<ErrorPages> p = pagesFor(ctx);
    if (p.isEmpty()) {
      Http.json(ctx, 404, error(ApiException.notFound("no route " + ctx.path())));
      return;
    }
    List<HandlerType> allowed =
        MethodNotAllowedUtil.INSTANCE.findAvailableHttpHandlerTypes(
            app.unsafe.internalRouter, ctx.path());
    if (allowed.isEmpty()) {
      p.get().answer(ctx, 404, "There is no page at this address.");
      return;
    }
    ctx.header("Allow", allowed.stream().map(HandlerType::name).collect(Collectors.joining(", ")));
    p.get().answer(ctx, 405, "This address cannot be used that way.");
  }

  private Optional<ErrorPages> pagesFor(Context ctx) {
    return pages.stream().filter(p -> p.covers(ctx)).findFirst();
  }

  private static Map<String, Object> error(ApiException e) {
    return e.body();
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
