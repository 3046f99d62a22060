package io.opsflow.uptime;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.access.AccessModule;
import io.opsflow.access.Authenticator;
import io.opsflow.config.Platform;
import io.opsflow.db.Audit;
import io.opsflow.db.Database;
import io.opsflow.http.Routed;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Subscribed;
import io.opsflow.kafka.Subscription;
import io.opsflow.kafka.Topics;
import io.opsflow.uptime.model.CheckDefinition;
import io.opsflow.uptime.model.MaintenanceCalendar;
import io.opsflow.uptime.model.MaintenanceWindow;
import io.opsflow.uptime.model.MaintenanceWindows;
import io.opsflow.uptime.model.UptimeReports;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintenance windows, synthetic checks, the uptime SLA and heartbeats of one instance: the files
 * of the SLA directory (read at start), the scanners, the check scheduler, the pruning of old check
 * results, the routes, and the handler of {@code opsflow.checks}.
 */
public final class UptimeModule implements AutoCloseable, Routed, Subscribed {
  public static final String CHECKS_GROUP = "opsflow-checks";
  private static final Logger log = LoggerFactory.getLogger(UptimeModule.class);

  private final List<AutoCloseable> running = new ArrayList<>();
  private final List<Consumer<RoutesConfig>> routes = new ArrayList<>();
  private final MaintenanceCalendar calendar;
  private final CheckRecordHandler checkHandler;
  private final HeartbeatScanner heartbeats;
  private final BurnScanner burn;
  private final CheckResultPruner pruner;
  private final CheckScheduler checks;
  private final MaintenanceScanner transitions;

  /** What it needs from the rest of the instance: {@code dir} is the SLA directory. */
  public record Parts(Platform platform, AccessModule access) {
    Path dir() {
      return platform.config().slaDir();
    }

    Database db() {
      return platform.db();
    }

    Publisher publisher() {
      return platform.publisher();
    }

    Authenticator auth() {
      return access.auth();
    }

    MeterRegistry metrics() {
      return platform.metrics();
    }

    Duration checkResultRetention() {
      return platform.config().checkResultRetention();
    }
  }

  private UptimeModule(Parts p) {
    Path dir = p.dir();
    Clock clock = p.platform().clock();
    SlaFiles.Loaded<MaintenanceWindow> fileWindows = SlaFiles.maintenance(dir, clock.instant());
    SlaFiles.Loaded<CheckDefinition> checkFile = SlaFiles.checks(dir);
    fileWindows.problems().forEach(x -> log.warn("maintenance window refused: {}", x));
    checkFile.problems().forEach(x -> log.warn("check refused: {}", x));
    log.info(
        "SLA directory {}: {} maintenance window(s), {} check(s)",
        dir,
        fileWindows.items().size(),
        checkFile.items().size());
    MaintenanceStore maintenance = new MaintenanceStore(p.db());
    this.calendar =
        new MaintenanceWindows(
            () -> {
              List<MaintenanceWindow> all = new ArrayList<>(fileWindows.items());
              all.addAll(maintenance.list(null));
              return all;
            });
    CheckResultStore results = new CheckResultStore(p.db());
    List<CheckDefinition> defined = checkFile.items();
    UptimeReports reports =
        new UptimeReports(
            results,
            calendar,
            (org, check) ->
                defined.stream()
                    .filter(c -> c.organizationId().equals(org) && c.id().equals(check))
                    .map(CheckDefinition::interval)
                    .findFirst(),
            clock);
    InternalIntegrations integrations =
        new InternalIntegrations(p.access().tokens(), p.access().organizations());
    AlertPublisher alerts = new AlertPublisher(p.publisher(), integrations);
    HeartbeatStore heartbeatStore = new HeartbeatStore(p.db());
    this.checkHandler = new CheckRecordHandler(CHECKS_GROUP, p.db(), p.metrics());
    this.heartbeats = new HeartbeatScanner(heartbeatStore, alerts, clock, 1_000);
    Gauge.builder("opsflow.heartbeats.overdue", heartbeats, HeartbeatScanner::overdue)
        .description("heartbeat sources past their interval and grace, at the last scan")
        .register(p.metrics());
    this.pruner =
        new CheckResultPruner(
            results, p.checkResultRetention(), clock, Duration.ofHours(1).toMillis());
    this.burn = new BurnScanner(results, reports, alerts, clock, 30_000);
    transitions = new MaintenanceScanner(calendar, p.publisher(), clock, 30_000);
    this.checks =
        new CheckScheduler(
            new HttpChecker(clock),
            p.publisher(),
            integrations,
            Math.min(4, Math.max(1, defined.size())));
    heartbeats.start();
    burn.start();
    pruner.start();
    transitions.start();
    checks.start(defined);
    running.add(heartbeats);
    running.add(burn);
    running.add(pruner);
    running.add(transitions);
    running.add(checks);
    Audit audit = new Audit(p.db());
    routes.add(
        new MaintenanceRoutes(p.auth(), maintenance, fileWindows::items, clock, audit)::register);
    routes.add(
        new CheckRoutes(
                p.auth(),
                p.publisher(),
                results,
                reports,
                (org, service) ->
                    defined.stream()
                        .anyMatch(
                            c -> c.organizationId().equals(org) && c.serviceId().equals(service)),
                p.checkResultRetention(),
                clock)
            ::register);
    routes.add(new HeartbeatRoutes(p.auth(), heartbeatStore, clock)::register);
  }

  /** Also writes each window start and end to {@code consumer} (the incidents' timelines). */
  public void onMaintenanceTransition(
      java.util.function.Consumer<io.opsflow.uptime.model.MaintenanceTransition> consumer) {
    transitions.alsoTo(consumer);
  }

  /** Reads the SLA directory's windows and checks, and starts the scanners and the checks. */
  public static UptimeModule start(Parts p) {
    return new UptimeModule(p);
  }

  /** The query port for the alert path: is a service in maintenance now. */
  public MaintenanceCalendar maintenanceCalendar() {
    return calendar;
  }

  @Override
  public List<Subscription> subscriptions() {
    return List.of(Subscription.of(CHECKS_GROUP, Topics.CHECKS, checkHandler));
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    return routes;
  }

  /** Runs a heartbeat scan now (tests; the scanner also runs every second). */
  public int scanHeartbeats() {
    return heartbeats.scan();
  }

  /** Runs a burn-rate scan now (tests; the scanner also runs every 30 s). */
  public int scanBurnRates() {
    return burn.scan();
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        log.warn("stopping {} failed: {}", running.get(i).getClass().getSimpleName(), e.toString());
      }
    }
  }
}
