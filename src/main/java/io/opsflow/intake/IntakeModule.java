package io.opsflow.intake;

import io.javalin.config.RoutesConfig;
import io.opsflow.access.AccessModule;
import io.opsflow.config.Platform;
import io.opsflow.http.Routed;
import java.util.List;
import java.util.function.Consumer;

/** Alertmanager, Events v2 and enqueue: the routes that turn alerts into records on Kafka. */
public final class IntakeModule implements Routed {
  private final IntakeRoutes routes;

  /** What the intake needs: who may send, and where alerts go. */
  public record Parts(Platform platform, AccessModule access) {}

  private IntakeModule(IntakeRoutes routes) {
    this.routes = routes;
  }

  public static IntakeModule start(Parts p) {
    return new IntakeModule(new IntakeRoutes(p.access().auth(), p.platform().publisher()));
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    return List.of(routes::register);
  }
}
