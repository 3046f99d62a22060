package io.opsflow.incident;

import io.opsflow.db.Database;
import io.opsflow.db.StepLedger;
import io.opsflow.escalation.EscalationResults;
import io.opsflow.escalation.FrozenPolicies;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.Escalator;
import io.opsflow.incident.model.EscalationDecision;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.EffectRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One step of an incident's escalation, once: whom the frozen policy pages now, unless a
 * maintenance window holds the response back (the step then waits for the window's end).
 */
final class EscalationStep {
  private final Database db;
  private final IncidentSteps.Stores stores;
  private final Escalator escalator;
  private final Supplier<OnCallSnapshot> oncall;
  private final Clock clock;
  private final EffectRecorder effects;

  EscalationStep(
      Database db,
      IncidentSteps.Stores stores,
      Escalator escalator,
      Supplier<OnCallSnapshot> oncall,
      Clock clock,
      EffectRecorder effects) {
    this.db = db;
    this.stores = stores;
    this.escalator = escalator;
    this.oncall = oncall;
    this.clock = clock;
    this.effects = effects;
  }

  EscalationDecision escalate(String incidentId, String frozenPolicyId, int step) {
    Instant now = clock.instant();
    String key = IncidentSteps.stepKey(incidentId, "escalate:" + step);
    // a step held back by a maintenance window takes no key: it runs again at the window's end
    return StepLedger.inTransaction(
        db,
        s -> {
          Optional<String> done = StepLedger.find(s, key);
          if (done.isPresent()) {
            return EscalationResults.decode(done.get(), clock.instant());
          }
          HibernateIncidentStore store = stores.of(s);
          Optional<Incident> incident = store.find(incidentId);
          if (incident.isEmpty() || frozenPolicyId == null || frozenPolicyId.isEmpty()) {
            return EscalationDecision.stop();
          }
          OnCallSnapshot config = oncall.get();
          Optional<Instant> heldUntil = effects.heldUntil(s, incident.get(), now);
          if (heldUntil.isPresent()) {
            return EscalationDecision.continueAfter(Duration.between(now, heldUntil.get()), step);
          }
          if (effects.resumeAfterHold(s, incidentId, now)) {
            FrozenPolicies.restartAt(s, incidentId, step, now, config.directory());
          }
          String frozenPolicy = FrozenPolicies.find(s, incidentId).orElse("");
          Escalator.Outcome outcome =
              escalator.escalate(
                  incident.get().status(), frozenPolicy, step, now, config.directory());
          outcome
              .timelineMessage()
              .ifPresent(
                  message -> {
                    store.record(
                        new TimelineEntry(
                            incidentId, now, "escalated", IncidentSteps.ESCALATION_ACTOR, message));
                    store.publish(
                        IncidentEvent.of(
                            IncidentEvent.ESCALATED,
                            incident.get(),
                            now,
                            IncidentSteps.ESCALATION_ACTOR));
                  });
          outcome
              .step()
              .ifPresent(ran -> effects.onEscalation(s, incident.get(), ran, config.users()));
          StepLedger.record(
              s, key, EscalationResults.encode(outcome.decision(), now), now.toEpochMilli());
          return outcome.decision();
        });
  }
}
