package io.opsflow.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.db.StepLedger;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.sla.model.SlaClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A clock's warning and breach steps, each once (step ledger) and only when the clock, read afresh,
 * still calls for it: a timer that fired after the clock moved does nothing.
 */
final class SlaAlarms {
  private final Database db;
  private final SlaClocks clocks;
  private final SlaNotices notices;
  private final Clock clock;
  private final MeterRegistry metrics;

  SlaAlarms(Database db, SlaClocks clocks, SlaNotices notices, Clock clock, MeterRegistry metrics) {
    this.db = db;
    this.clocks = clocks;
    this.notices = notices;
    this.clock = clock;
    this.metrics = metrics;
  }

  void warn(String clockId) {
    Instant now = clock.instant();
    StepLedger.inTransaction(
        db,
        s -> {
          Optional<SlaClockRow> found = SlaClockStore.find(s, clockId);
          if (found.isEmpty() || found.get().stopped() != null || found.get().warned() != null) {
            return null;
          }
          SlaClockRow r = found.get();
          SlaClock c = clocks.clockOf(r);
          if (c.paused() || c.warningAt().orElseThrow().isAfter(now)) {
            return null; // the clock moved since the timer was set
          }
          Instant due = c.due().orElseThrow();
          if (!StepLedger.claim(s, clockId + ":warning", now.toEpochMilli())) {
            return null;
          }
          SlaClockWrites.update(
              s, r.with(r.priority(), r.pauses(), null, due, now, r.breached(), null));
          String text =
              "SLA "
                  + r.kind()
                  + " warning: "
                  + Math.round(SlaClock.DEFAULT_WARNING_SHARE * 100)
                  + "% of the "
                  + r.priority()
                  + " target used; due "
                  + due
                  + " (in "
                  + minutes(Duration.between(now, due))
                  + ")";
          notices.notice(s, r, now, SlaNotices.WARNING, IncidentEvent.SLA_WARNING, text);
          return null;
        });
  }

  void breach(String clockId) {
    Instant now = clock.instant();
    StepLedger.inTransaction(
        db,
        s -> {
          Optional<SlaClockRow> found = SlaClockStore.find(s, clockId);
          if (found.isEmpty() || found.get().stopped() != null || found.get().breached() != null) {
            return null;
          }
          SlaClockRow r = found.get();
          SlaClock c = clocks.clockOf(r);
          Instant due = c.due().orElse(null);
          if (c.paused() || due == null || due.isAfter(now)) {
            return null;
          }
          if (!StepLedger.claim(s, clockId + ":breach", now.toEpochMilli())) {
            return null;
          }
          SlaClockWrites.update(
              s,
              r.with(
                  r.priority(),
                  r.pauses(),
                  null,
                  due,
                  r.warned() == null ? now : r.warned(),
                  now,
                  null));
          metrics
              .counter(
                  "opsflow.sla.breaches",
                  "priority",
                  r.priority(),
                  "organization",
                  r.organizationId(),
                  "kind",
                  r.kind())
              .increment();
          String text =
              "SLA " + r.kind() + " breached: the " + r.priority() + " target was due " + due;
          notices.notice(s, r, now, SlaNotices.BREACHED, IncidentEvent.SLA_BREACHED, text);
          return null;
        });
  }

  private static String minutes(Duration d) {
    long m = Math.max(0, d.toMinutes());
    return m >= 120 ? (m / 60) + " h " + (m % 60) + " min" : m + " min";
  }
}
