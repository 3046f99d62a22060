package io.opsflow.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.db.StepLedger;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.sla.model.SlaClock;
import io.opsflow.sla.model.SlaProcessSteps;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The SLA clock process's tasks, each one transaction: the clock is read afresh at every step, so a
 * timer that fires after the clock moved (paused, stopped, retargeted) only schedules again. A
 * ticket clock's lines and events go through the ticket feature's side of {@link SlaClocks}.
 */
public final class SlaSteps implements SlaProcessSteps {
  private final Database db;
  private final SlaClocks clocks;
  private final SlaNotices notices;
  private final SlaAlarms alarms;
  private final Runnable afterCommit;
  private final Clock clock;

  public SlaSteps(
      Database db,
      SlaClocks clocks,
      Function<IncidentEvent, OutgoingRecord> encoder,
      EffectRecorder effects,
      Runnable afterCommit,
      Clock clock,
      MeterRegistry metrics) {
    this.db = db;
    this.clocks = clocks;
    this.notices = new SlaNotices(encoder, effects, clocks.notes());
    this.alarms = new SlaAlarms(db, clocks, notices, clock, metrics);
    this.afterCommit = afterCommit;
    this.clock = clock;
  }

  /** The on-call configuration a response breach pages from (users, schedules). */
  public SlaSteps oncall(Supplier<OnCallSnapshot> oncall) {
    notices.oncall(oncall);
    return this;
  }

  @Override
  public Schedule schedule(String clockId) {
    return db.inTransaction(
        s -> {
          Optional<SlaClockRow> found = SlaClockStore.find(s, clockId);
          if (found.isEmpty() || found.get().stopped() != null) {
            return Schedule.stopped();
          }
          SlaClockRow r = found.get();
          SlaClock c = clocks.clockOf(r);
          if (c.paused()) {
            return new Schedule(Schedule.PAUSED, "", "");
          }
          Instant due = c.due().orElseThrow();
          if (!due.equals(r.due())) {
            SlaClockWrites.update(
                s, r.with(r.priority(), r.pauses(), null, due, r.warned(), r.breached(), null));
          }
          if (r.breached() != null) {
            return new Schedule(Schedule.BREACHED, "", "");
          }
          if (r.warned() != null) {
            return new Schedule(Schedule.WARNED, "", iso(due));
          }
          return new Schedule(Schedule.RUNNING, iso(c.warningAt().orElseThrow()), iso(due));
        });
  }

  @Override
  public void warn(String clockId) {
    alarms.warn(clockId);
    afterCommit.run();
  }

  @Override
  public void breach(String clockId) {
    alarms.breach(clockId);
    afterCommit.run();
  }

  @Override
  public void finish(String clockId) {
    long nowMs = clock.millis();
    StepLedger.inTransaction(
        db,
        s -> {
          SlaClockStore.find(s, clockId)
              .filter(r -> r.stopped() != null)
              .filter(r -> StepLedger.claim(s, clockId + ":outcome", nowMs))
              .ifPresent(
                  r ->
                      clocks
                          .notes()
                          .line(
                              s,
                              r.subjectType(),
                              r.subjectId(),
                              clock.instant(),
                              "sla",
                              "SLA "
                                  + r.kind()
                                  + (Boolean.TRUE.equals(r.met()) ? " met" : " missed")
                                  + ": stopped "
                                  + r.stopped()
                                  + ", due "
                                  + r.due()));
          return null;
        });
  }

  private static String iso(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
