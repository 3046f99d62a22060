package io.opsflow.sla;

import io.javalin.config.RoutesConfig;
import io.opsflow.access.AccessModule;
import io.opsflow.config.Platform;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.http.Routed;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.notify.EffectRecorder;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * SLA clocks: the calendars and policies of the SLA directory, the clocks of incidents and tickets,
 * the process steps that warn and breach, and the report and settings routes.
 */
public final class SlaModule implements Routed {
  private final Parts p;
  private final SlaConfig config;
  private final SlaClocks clocks;

  /** What the SLA clocks need. {@code wake} also wakes the engine after clocks are retargeted. */
  public record Parts(Platform platform, AccessModule access, Supplier<OnCallSnapshot> oncall) {}

  private SlaModule(Parts p) {
    this.p = p;
    this.config = SlaConfig.load(p.platform().config().slaDir());
    this.clocks = new SlaClocks(config::settings, p.platform().clock(), p.platform().metrics());
  }

  /** Reads the SLA directory. */
  public static SlaModule start(Parts p) {
    return new SlaModule(p);
  }

  /** The calendars and policies in force, and their directory. */
  public SlaConfig config() {
    return config;
  }

  public SlaClocks clocks() {
    return clocks;
  }

  /** The process steps of the clocks: their events written with the encoders given. */
  public SlaSteps steps(
      EffectRecorder effects, Function<IncidentEvent, OutgoingRecord> incidentEvents) {
    Platform base = p.platform();
    return new SlaSteps(
            base.db(),
            clocks,
            incidentEvents,
            effects,
            base.wake().outboxes(),
            base.clock(),
            base.metrics())
        .oncall(p.oncall());
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    Platform base = p.platform();
    return List.of(
        new SlaReportRoutes(p.access().auth(), new SlaReports(base.db(), config::settings))
            ::register,
        new SlaSettingsRoutes(
                p.access().auth(),
                config,
                () -> {
                  int moved = base.db().inTransaction(clocks::retargetRunning);
                  base.wake().engine().run();
                  return moved;
                },
                base.clock(),
                p.access().audit())
            ::register);
  }
}
