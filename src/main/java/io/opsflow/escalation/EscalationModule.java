package io.opsflow.escalation;

import io.javalin.config.RoutesConfig;
import io.opsflow.access.AccessModule;
import io.opsflow.access.Authenticator;
import io.opsflow.config.Platform;
import io.opsflow.db.Audit;
import io.opsflow.escalation.config.OnCallConfig;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.http.Routed;
import io.opsflow.service.ServiceCatalogue;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * On-call as code: users, schedules, escalation policies and services read from the on-call
 * directory, watched for changes, and their routes.
 */
public final class EscalationModule implements AutoCloseable, Routed {
  private final OnCallConfig oncall;
  private final Authenticator auth;
  private final Audit audit;

  /** What on-call needs: its directory (in the configuration), and the routes' access. */
  public record Parts(Platform platform, AccessModule access) {}

  private EscalationModule(OnCallConfig oncall, Parts p) {
    this.oncall = oncall;
    this.auth = p.access().auth();
    this.audit = p.access().audit();
  }

  /** Reads the directory and watches it every 10 seconds. */
  public static EscalationModule start(Parts p) {
    OnCallConfig oncall =
        OnCallConfig.start(p.platform().config().oncallDir(), p.platform().clock());
    oncall.watch(Duration.ofSeconds(10));
    return new EscalationModule(oncall, p);
  }

  /** The configuration in force. */
  public Supplier<OnCallSnapshot> snapshot() {
    return oncall::snapshot;
  }

  /** The service catalogue in force. */
  public Supplier<ServiceCatalogue> services() {
    return () -> oncall.snapshot().services();
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    return List.of(new OnCallRoutes(auth, oncall, audit)::register);
  }

  @Override
  public void close() {
    oncall.close();
  }
}
