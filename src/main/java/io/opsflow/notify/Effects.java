package io.opsflow.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.db.Database;
import io.opsflow.notify.model.EffectPlanner;
import io.opsflow.notify.model.EffectSettings;
import java.time.Clock;

/**
 * The effect machinery of one instance: the recorder that plans effects inside state changes, and
 * the dispatcher that delivers them through the configured ports.
 */
public final class Effects implements AutoCloseable {
  private final EffectRecorder recorder;
  private final EffectDispatcher dispatcher;
  private final EffectStore store;

  private Effects(EffectRecorder recorder, EffectDispatcher dispatcher, EffectStore store) {
    this.recorder = recorder;
    this.dispatcher = dispatcher;
    this.store = store;
  }

  /** Plans with the configuration's settings and delivers through {@code ports}. */
  public static Effects start(
      OpsflowConfig config,
      EffectPorts ports,
      Database db,
      MeterRegistry metrics,
      Clock clock,
      IncidentClocks clocks) {
    EffectSettings settings =
        new EffectSettings(
            ports.chat().isPresent(),
            ports.bridge().isPresent(),
            ports.mail().isPresent(),
            config.effects().roomPriorities(),
            config.effects().bridgePriorities(),
            config.effects().statusReminders());
    EffectRecorder recorder = new EffectRecorder(new EffectPlanner(settings), clock, clocks);
    EffectStore store = new EffectStore(db);
    io.micrometer.core.instrument.Gauge.builder(
            "opsflow.effects.pending", store, s -> (double) s.pendingCount())
        .description("Slack, Zoom and mail effects not delivered yet")
        .register(metrics);
    EffectDispatcher dispatcher = new EffectDispatcher(store, db, ports, clock, metrics, 8);
    dispatcher.start();
    return new Effects(recorder, dispatcher, store);
  }

  public EffectRecorder recorder() {
    return recorder;
  }

  public EffectStore store() {
    return store;
  }

  /** The timelines other than the incidents' that delivered effects write their lines to. */
  public Effects timelines(Timelines timelines) {
    store.timelines(timelines);
    return this;
  }

  /** Asks the dispatcher to look for new effects now (after a commit that planned some). */
  public void wake() {
    dispatcher.wake();
  }

  @Override
  public void close() {
    dispatcher.close();
  }
}
