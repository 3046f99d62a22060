package io.opsflow.incident;

import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentCommands;
import io.opsflow.incident.model.IncidentStatus;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.incident.model.WorkflowSignal;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.notify.EffectRecorder;
import java.time.Instant;
import java.util.function.Predicate;

/** What each kind of human command does to its incident, in the store's transaction. */
final class CommandDispatch {
  private final IncidentCommands commands = new IncidentCommands();
  private final EffectRecorder effects;

  CommandDispatch(EffectRecorder effects) {
    this.effects = effects;
  }

  /** Applies one command of a known type to {@code incidentId}. */
  IncidentCommands.Result apply(
      CloudEvent.Parsed e, String incidentId, String actor, HibernateIncidentStore store) {
    return switch (e.type()) {
      case EnvelopeTypes.ACKNOWLEDGE -> commands.acknowledge(incidentId, actor, e.time(), store);
      case EnvelopeTypes.RESOLVE -> commands.resolve(incidentId, actor, e.time(), store);
      case EnvelopeTypes.ESCALATE -> escalate(store, incidentId, actor, e.time());
      case EnvelopeTypes.SLA_PAUSE ->
          clocks(
              store,
              incidentId,
              i ->
                  effects.pauseClocks(
                      store.session(),
                      i,
                      e.time(),
                      e.data().path("reason").asText("paused by " + actor) + " (" + actor + ")"));
      case EnvelopeTypes.SLA_RESUME ->
          clocks(store, incidentId, i -> effects.resumeClocks(store.session(), i, e.time()));
      default ->
          commands.prioritize(
              incidentId, e.data().path("priority").asText(""), actor, e.time(), store);
    };
  }

  private static IncidentCommands.Result clocks(
      HibernateIncidentStore store, String incidentId, Predicate<Incident> change) {
    return store
        .find(incidentId)
        .map(
            i ->
                change.test(i)
                    ? IncidentCommands.Result.APPLIED
                    : IncidentCommands.Result.NO_CHANGE)
        .orElse(IncidentCommands.Result.NOT_FOUND);
  }

  /**
   * A person escalates: a response held back by a maintenance window starts (room, bridge, customer
   * ticket), and the process runs its next escalation step now. An acknowledged incident has no
   * step left to run; a resolved one changes nothing.
   */
  private IncidentCommands.Result escalate(
      HibernateIncidentStore store, String incidentId, String actor, Instant at) {
    return clocks(
        store,
        incidentId,
        i -> {
          if (i.status() == IncidentStatus.RESOLVED) {
            return false;
          }
          boolean released = effects.escalatedByHand(store.session(), i, actor, at);
          if (i.status() != IncidentStatus.TRIGGERED) {
            return released;
          }
          if (!released) {
            store.record(
                new TimelineEntry(
                    i.id(),
                    at,
                    "escalation_requested",
                    actor,
                    "Escalated by " + actor + ": the next escalation level, if any, is paged now"));
          }
          store.signal(
              new WorkflowSignal(
                  i.id(), i.organizationId(), WorkflowSignal.Kind.ESCALATE, actor, at));
          return true;
        });
  }
}
