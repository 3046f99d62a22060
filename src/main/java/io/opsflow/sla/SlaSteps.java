package io.opsflow.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.db.EventOutboxRow;
import io.opsflow.db.StepLedger;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.incident.HibernateIncidentStore;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.sla.model.SlaClock;
import io.opsflow.sla.model.SlaProcessSteps;
import io.opsflow.ticket.TicketStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The SLA clock process's tasks, each one transaction: the clock is read afresh at every step, so a
 * timer that fires after the clock moved (paused, stopped, retargeted) only schedules again.
 */
public final class SlaSteps implements SlaProcessSteps {
  private final Database db;
  private final SlaClocks clocks;
  private final Function<IncidentEvent, OutgoingRecord> encoder;
  private final EffectRecorder effects;
  private final Runnable afterCommit;
  private final Clock clock;
  private final MeterRegistry metrics;
  private volatile Function<io.opsflow.ticket.model.TicketEvent, OutgoingRecord> ticketEvents;
  private volatile Supplier<OnCallSnapshot> oncall = () -> null;

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
    this.encoder = encoder;
    this.effects = effects;
    this.afterCommit = afterCommit;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Ticket clocks' warnings and breaches also leave as ticket events through this codec. */
  public SlaSteps ticketEvents(
      Function<io.opsflow.ticket.model.TicketEvent, OutgoingRecord> codec) {
    this.ticketEvents = codec;
    return this;
  }

  /** The on-call configuration a response breach pages from (users, schedules). */
  public SlaSteps oncall(Supplier<OnCallSnapshot> oncall) {
    this.oncall = oncall;
    return this;
  }

  @Override
  public Schedule schedule(String clockId) {
    Instant now = clock.instant();
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
            SlaClockStore.update(
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
          SlaClockStore.update(
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
          notice(s, r, now, "sla_warning", IncidentEvent.SLA_WARNING, text);
          return null;
        });
    afterCommit.run();
  }

  @Override
  public void breach(String clockId) {
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
          SlaClockStore.update(
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
          notice(s, r, now, "sla_breached", IncidentEvent.SLA_BREACHED, text);
          return null;
        });
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
                      line(
                          s,
                          r,
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

  private void notice(
      org.hibernate.Session s,
      SlaClockRow r,
      Instant now,
      String kind,
      String eventType,
      String text) {
    if (SlaClocks.TICKET.equals(r.subjectType())) {
      ticketNotice(s, r, now, kind, text);
      return;
    }
    HibernateIncidentStore store = new HibernateIncidentStore(s, encoder, effects);
    Optional<Incident> incident = store.find(r.subjectId());
    if (incident.isEmpty()) {
      return;
    }
    if (IncidentEvent.SLA_BREACHED.equals(eventType)) {
      String said = effects.onSlaBreach(s, incident.get(), r.kind(), text, oncall.get());
      store.record(new TimelineEntry(r.subjectId(), now, kind, SlaClocks.ACTOR, said));
      store.publish(IncidentEvent.of(eventType, incident.get(), now, SlaClocks.ACTOR));
      return;
    }
    store.record(new TimelineEntry(r.subjectId(), now, kind, SlaClocks.ACTOR, text));
    store.publish(IncidentEvent.of(eventType, incident.get(), now, SlaClocks.ACTOR));
    effects.onSlaNotice(s, incident.get(), r.id() + ":" + kind, text);
  }

  private static String iso(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static String minutes(Duration d) {
    long m = Math.max(0, d.toMinutes());
    return m >= 120 ? (m / 60) + " h " + (m % 60) + " min" : m + " min";
  }

  private void ticketNotice(
      org.hibernate.Session s, SlaClockRow r, Instant now, String kind, String text) {
    line(s, r, now, kind, text);
    Function<io.opsflow.ticket.model.TicketEvent, OutgoingRecord> codec = ticketEvents;
    if (codec == null) {
      return;
    }
    s.doWork(
        c ->
            new TicketStore(c)
                .find(r.subjectId())
                .ifPresent(
                    t -> {
                      OutgoingRecord out =
                          codec.apply(
                              io.opsflow.ticket.model.TicketEvent.of(
                                  kind.equals("sla_warning")
                                      ? io.opsflow.ticket.model.TicketEvent.SLA_WARNING
                                      : io.opsflow.ticket.model.TicketEvent.SLA_BREACHED,
                                  t,
                                  SlaClocks.ACTOR,
                                  text,
                                  now));
                      s.persist(new EventOutboxRow(out.topic(), out.key(), out.payload(), now));
                    }));
  }

  private static void line(
      org.hibernate.Session s, SlaClockRow r, Instant at, String kind, String text) {
    if (SlaClocks.TICKET.equals(r.subjectType())) {
      s.doWork(c -> new TicketStore(c).timeline(r.subjectId(), at, kind, SlaClocks.ACTOR, text));
    } else {
      s.persist(new TimelineEntry(r.subjectId(), at, kind, SlaClocks.ACTOR, text));
    }
  }
}
