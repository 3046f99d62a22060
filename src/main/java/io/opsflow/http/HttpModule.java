package io.opsflow.http;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The HTTP server with {@code /health}, {@code /metrics} and the route sets of the modules. */
public final class HttpModule implements AutoCloseable {
  private final HttpServer server;
  private final int port;

  /** One component of {@code /health}: its name, and whether it is up. */
  public record Check(String name, BooleanSupplier up) {}

  /** What the server serves: the health checks, and every module's routes and error pages. */
  public record Parts(
      int port,
      List<Check> checks,
      Supplier<Map<String, String>> integrations,
      BooleanSupplier ready,
      PrometheusMeterRegistry metrics,
      List<Routed> modules,
      List<ErrorPages> errorPages) {}

  private HttpModule(HttpServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts on the port (0 = a free one) of every address; on failure stops the server. */
  public static HttpModule start(Parts p) {
    Map<String, BooleanSupplier> components = new LinkedHashMap<>();
    p.checks().forEach(c -> components.put(c.name(), c.up()));
    List<Consumer<RoutesConfig>> routes = new ArrayList<>();
    routes.add(new HealthRoutes(components, p.integrations(), p.ready(), p.metrics())::register);
    p.modules().forEach(m -> routes.addAll(m.routes()));
    HttpServer server = new HttpServer(routes, p.metrics(), p.errorPages());
    try {
      return new HttpModule(server, server.start("0.0.0.0", p.port()));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The port bound. */
  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.close();
  }
}
