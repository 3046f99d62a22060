package io.opsflow.sla;

import io.opsflow.db.EventOutboxRow;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.notify.EffectRecorder;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Tells a clock's subject of its warning or breach, in the step's transaction: the line on its
 * timeline, its event and, for an incident, the effects (a response breach pages at once).
 */
final class SlaNotices {
  static final String WARNING = "sla_warning";
  static final String BREACHED = "sla_breached";

  private final Function<IncidentEvent, OutgoingRecord> encoder;
  private final EffectRecorder effects;
  private final SlaNotes notes;
  private volatile Supplier<OnCallSnapshot> oncall = () -> null;

  SlaNotices(Function<IncidentEvent, OutgoingRecord> encoder, EffectRecorder effects, SlaNotes n) {
    this.encoder = encoder;
    this.effects = effects;
    this.notes = n;
  }

  void oncall(Supplier<OnCallSnapshot> oncall) {
    this.oncall = oncall;
  }

  /**
   * {@code kind} is {@link #WARNING} or {@link #BREACHED}, {@code eventType} its incident event.
   */
  void notice(Session s, SlaClockRow r, Instant now, String kind, String eventType, String text) {
    if (SlaClocks.TICKET.equals(r.subjectType())) {
      notes.line(s, r.subjectType(), r.subjectId(), now, kind, text);
      SlaTickets tickets = notes.tickets();
      if (tickets != null) {
        tickets.event(s, r.subjectId(), now, !WARNING.equals(kind), SlaClocks.ACTOR, text);
      }
      return;
    }
    Incident incident = s.find(Incident.class, r.subjectId());
    if (incident == null) {
      return;
    }
    if (IncidentEvent.SLA_BREACHED.equals(eventType)) {
      String said = effects.onSlaBreach(s, incident, r.kind(), text, oncall.get());
      s.persist(new TimelineEntry(r.subjectId(), now, kind, SlaClocks.ACTOR, said));
      publish(s, IncidentEvent.of(eventType, incident, now, SlaClocks.ACTOR));
      return;
    }
    s.persist(new TimelineEntry(r.subjectId(), now, kind, SlaClocks.ACTOR, text));
    publish(s, IncidentEvent.of(eventType, incident, now, SlaClocks.ACTOR));
    effects.onSlaNotice(s, incident, r.id() + ":" + kind, text);
  }

  /** An incident event as every incident change publishes it: the event outbox, then effects. */
  private void publish(Session s, IncidentEvent event) {
    OutgoingRecord out = encoder.apply(event);
    s.persist(new EventOutboxRow(out.topic(), out.key(), out.payload(), event.at()));
    effects.onEvent(s, event);
  }
}
