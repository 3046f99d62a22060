package io.opsflow.uptime;

import io.opsflow.db.Drainer;
import io.opsflow.sla.model.SlaAlert;
import io.opsflow.sla.model.SlaAlerts;
import io.opsflow.uptime.model.Heartbeat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every second: a source whose last beat is older than interval + grace triggers {@code
 * heartbeat:<source>}; its next beat resolves it; a source silent beyond its retention is
 * unregistered (resolving with that reason if it was late). The state change is claimed in the
 * database first (so two instances never both act), then the alert is sent; if the send fails the
 * claim is undone and the next scan tries again.
 */
public final class HeartbeatScanner extends Drainer {
  private final HeartbeatStore store;
  private final SlaAlerts alerts;
  private final Clock clock;
  private final AtomicInteger overdue = new AtomicInteger();

  public HeartbeatScanner(HeartbeatStore store, SlaAlerts alerts, Clock clock, long everyMillis) {
    super("opsflow-heartbeats", everyMillis);
    this.store = store;
    this.alerts = alerts;
    this.clock = clock;
  }

  @Override
  protected int drainOnce() {
    scan();
    return 0; // wait for the next tick either way
  }

  /** One pass over the registered sources; returns how many changed state. */
  public int scan() {
    Instant now = clock.instant();
    int changed = 0;
    List<Heartbeat> registered = store.registered();
    overdue.set(
        (int) registered.stream().filter(h -> h.stateAt(now) == Heartbeat.State.LATE).count());
    for (Heartbeat h : registered) {
      var change = h.changeAt(now);
      if (change.isEmpty() || !store.transition(h, change.get().to(), now)) {
        continue;
      }
      changed++;
      if (change.get().action() == null) {
        continue;
      }
      try {
        alerts.send(alert(h, change.get()));
      } catch (RuntimeException e) {
        Heartbeat claimed =
            new Heartbeat(
                h.organizationId(),
                h.source(),
                h.interval(),
                h.grace(),
                h.retention(),
                h.lastBeatAt(),
                change.get().to());
        store.transition(claimed, h.state(), now);
        throw e;
      }
    }
    return changed;
  }

  /**
   * Sources past their interval + grace (and not yet past their retention) at the last scan, of
   * every organization: the gauge {@code opsflow_heartbeats_overdue}.
   */
  public int overdue() {
    return overdue.get();
  }

  private static SlaAlert alert(Heartbeat h, Heartbeat.Change c) {
    return new SlaAlert(
        h.organizationId(),
        h.dedupKey(),
        c.action(),
        c.reason(),
        "opsflow heartbeats",
        "critical",
        Map.of(
            "source", h.source(),
            "lastBeatAt", h.lastBeatAt().toString(),
            "interval", h.interval().toString(),
            "grace", h.grace().toString()));
  }
}
