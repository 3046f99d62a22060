package io.opsflow.sla;

import io.opsflow.sla.model.Pause;
import io.opsflow.sla.model.SlaClock;
import io.opsflow.sla.model.SlaSettings;
import io.opsflow.sla.model.SlaStatus;
import java.time.Instant;
import java.util.function.Supplier;

/** A stored clock replayed on the SLA settings in force: its domain clock, due time and verdict. */
final class ClockRows {
  private final Supplier<SlaSettings> settings;

  ClockRows(Supplier<SlaSettings> settings) {
    this.settings = settings;
  }

  SlaSettings settings() {
    return settings.get();
  }

  /** The domain clock a row stands for: its facts replayed on today's calendar and targets. */
  SlaClock clockOf(SlaClockRow r) {
    return clockOf(r, settings.get());
  }

  static SlaClock clockOf(SlaClockRow r, SlaSettings settings) {
    SlaClock c =
        settings.clock(
            r.organizationId(), r.priority(), SlaClockRow.RESPONSE.equals(r.kind()), r.started());
    for (Pause p : r.pauses()) {
      c = c.pause(p.paused(), p.reason());
      if (p.resumed() != null) {
        c = c.resume(p.resumed());
      }
    }
    return r.stopped() == null ? c : c.stop(r.stopped());
  }

  /** The row stopped at {@code at}: its due time then and whether it was met. */
  SlaClockRow stoppedAt(SlaClockRow r, Instant at) {
    SlaClock stopped = clockOf(r).stop(at);
    SlaStatus status = stopped.status(at);
    return r.with(
        r.priority(), stopped.pauses(), at, status.due(), r.warned(), r.breached(), status.met());
  }

  SlaClockRow withDue(SlaClockRow r) {
    SlaClock c = clockOf(r);
    Instant due = c.due().orElse(null);
    return r.with(r.priority(), r.pauses(), r.stopped(), due, r.warned(), r.breached(), r.met());
  }

  String describeStart(SlaClockRow r) {
    var targets = settings.get().of(r.organizationId()).policy().targets(r.priority());
    var target = SlaClockRow.RESPONSE.equals(r.kind()) ? targets.response() : targets.resolution();
    return "SLA "
        + r.kind()
        + " clock started: "
        + target
        + " for "
        + r.priority()
        + ", due "
        + dueText(r);
  }

  static String dueText(SlaClockRow r) {
    return r.due() == null ? "when the pause ends" : r.due().toString();
  }
}
