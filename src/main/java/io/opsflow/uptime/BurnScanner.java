package io.opsflow.uptime;

import io.opsflow.db.Drainer;
import io.opsflow.sla.model.SlaAlert;
import io.opsflow.sla.model.SlaAlerts;
import io.opsflow.uptime.CheckResultStore.ServiceKey;
import io.opsflow.uptime.model.BurnRate;
import io.opsflow.uptime.model.UptimeReports;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Watches the burn rate of every service with recent results: above {@link BurnRate#FAST_BURN} over
 * the last hour it triggers {@code uptime:<service>}; once back under, it resolves. Which services
 * burn is kept in the database, so a restart neither repeats nor forgets an alert.
 */
public final class BurnScanner extends Drainer {
  private final CheckResultStore results;
  private final UptimeReports reports;
  private final SlaAlerts alerts;
  private final Clock clock;

  public BurnScanner(
      CheckResultStore results,
      UptimeReports reports,
      SlaAlerts alerts,
      Clock clock,
      long everyMillis) {
    super("opsflow-uptime-burn", everyMillis);
    this.results = results;
    this.reports = reports;
    this.alerts = alerts;
    this.clock = clock;
  }

  @Override
  protected int drainOnce() {
    scan();
    return 0;
  }

  /** One pass; returns how many services changed between burning and not. */
  public int scan() {
    Instant now = clock.instant();
    Set<ServiceKey> burning = new LinkedHashSet<>(results.burning());
    Set<ServiceKey> candidates =
        new LinkedHashSet<>(results.servicesSince(now.minus(BurnRate.WINDOW)));
    candidates.addAll(burning);
    int changed = 0;
    for (ServiceKey s : candidates) {
      double rate = reports.burnRate(s.organizationId(), s.serviceId());
      boolean fast = BurnRate.fast(rate);
      if (fast && !burning.contains(s)) {
        alerts.send(alert(s, SlaAlert.Action.TRIGGER, rate));
        results.markBurning(s, rate, now);
        changed++;
      } else if (!fast && burning.contains(s)) {
        alerts.send(alert(s, SlaAlert.Action.RESOLVE, rate));
        results.clearBurning(s);
        changed++;
      }
    }
    return changed;
  }

  private static SlaAlert alert(ServiceKey s, SlaAlert.Action action, double rate) {
    String summary =
        action == SlaAlert.Action.TRIGGER
            ? String.format(
                java.util.Locale.ROOT,
                "%s burns its uptime error budget at %.1fx over the last hour (page above %.1fx)",
                s.serviceId(),
                rate,
                BurnRate.FAST_BURN)
            : String.format(
                java.util.Locale.ROOT,
                "%s burn rate back to %.1fx over the last hour",
                s.serviceId(),
                rate);
    return new SlaAlert(
        s.organizationId(),
        "uptime:" + s.serviceId(),
        action,
        summary,
        "opsflow uptime",
        "critical",
        Map.of(
            "service",
            s.serviceId(),
            "burnRate",
            String.format(java.util.Locale.ROOT, "%.2f", rate)));
  }
}
