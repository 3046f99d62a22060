package io.opsflow.incident;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.access.AccessModule;
import io.opsflow.config.Platform;
import io.opsflow.db.Database;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.http.Routed;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.kafka.Subscribed;
import io.opsflow.kafka.Subscription;
import io.opsflow.kafka.Topics;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.sla.SlaClocks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Incidents: the handlers of {@code opsflow.alerts} and {@code opsflow.commands}, the steps of the
 * incident process, and the incident routes.
 */
public final class IncidentModule implements Routed, Subscribed {
  public static final String ALERTS_GROUP = "opsflow-incidents";
  public static final String COMMANDS_GROUP = "opsflow-commands";

  private final Parts p;
  private final Database db;
  private final IncidentEventCodec codec = new IncidentEventCodec();
  private final IncidentSteps steps;
  private final IncidentQueries queries;
  private final IncidentActions actions;

  /** What incidents need: who is on call, the effects they plan, the clocks they show. */
  public record Parts(
      Platform platform,
      AccessModule access,
      Supplier<OnCallSnapshot> oncall,
      EffectRecorder effects,
      SlaClocks clocks) {}

  private IncidentModule(Parts p) {
    this.p = p;
    this.db = p.platform().db();
    this.steps =
        new IncidentSteps(
            db,
            codec,
            p.platform().wake().outboxes(),
            p.oncall(),
            p.platform().clock(),
            p.effects());
    this.queries = new IncidentQueries(db, p.clocks());
    this.actions = new IncidentActions(queries, p.platform().publisher(), p.access().audit());
  }

  public static IncidentModule start(Parts p) {
    return new IncidentModule(p);
  }

  /** The steps of the incident process. */
  public IncidentSteps steps() {
    return steps;
  }

  /** How incident events are written to {@code opsflow.events}. */
  public Function<IncidentEvent, OutgoingRecord> events() {
    return codec;
  }

  public IncidentQueries queries() {
    return queries;
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    return List.of(new IncidentRoutes(p.access().auth(), queries, actions)::register);
  }

  /**
   * The alert members the configuration asks for (one partition is only ever read by one member, so
   * members never race on an incident), then the commands.
   */
  @Override
  public List<Subscription> subscriptions() {
    Runnable wake = p.platform().wake().all();
    MeterRegistry metrics = p.platform().metrics();
    List<Subscription> all = new ArrayList<>();
    for (int i = 0; i < p.platform().config().alertConsumers(); i++) {
      all.add(
          new Subscription(
              ALERTS_GROUP,
              Topics.ALERTS,
              "-" + i,
              new AlertRecordHandler(ALERTS_GROUP, db, codec, wake, metrics, p.effects())));
    }
    all.add(
        Subscription.of(
            COMMANDS_GROUP,
            Topics.COMMANDS,
            new CommandRecordHandler(COMMANDS_GROUP, db, codec, wake, metrics, p.effects())));
    return all;
  }
}
