package io.opsflow.incident;

import io.opsflow.db.Database;
import io.opsflow.db.StepLedger;
import io.opsflow.escalation.EscalationResults;
import io.opsflow.escalation.FrozenPolicies;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.Escalator;
import io.opsflow.escalation.model.FrozenPolicy;
import io.opsflow.incident.model.EscalationDecision;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.incident.model.IncidentProcessSteps;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.incident.model.Triage;
import io.opsflow.incident.model.TriageDecision;
import io.opsflow.incident.model.TriageFacts;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.service.ServiceCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The incident process's tasks, each one transaction against opsflow's tables. */
public final class IncidentSteps implements IncidentProcessSteps {
  private final Database db;
  private final Function<IncidentEvent, OutgoingRecord> encoder;
  private final Runnable afterCommit;
  private static final String ESCALATION_ACTOR = "workflow:escalation";
  private static final Duration FALLBACK_REMINDER_EVERY = Duration.ofHours(8);

  private final Triage triage = new Triage();
  private final Escalator escalator = new Escalator();
  private final Supplier<OnCallSnapshot> oncall;
  private final Clock clock;
  private final EffectRecorder effects;

  /**
   * @param oncall the on-call configuration in force (users, schedules, policies), asked anew at
   *     every step so that reloads reach schedules; policies are only read when one is frozen
   */
  public IncidentSteps(
      Database db,
      Function<IncidentEvent, OutgoingRecord> encoder,
      Runnable afterCommit,
      Supplier<OnCallSnapshot> oncall,
      Clock clock,
      EffectRecorder effects) {
    this.effects = effects;
    this.db = db;
    this.encoder = encoder;
    this.afterCommit = afterCommit;
    this.oncall = oncall;
    this.clock = clock;
  }

  @Override
  public TriageFacts triageFacts(String incidentId) {
    ServiceCatalogue services = oncall.get().services();
    return db.inTransaction(
        s ->
            new HibernateIncidentStore(s, encoder, effects)
                .find(incidentId)
                .map(i -> services.factsFor(i, IncidentAttributes.of(i.labels())))
                .orElseGet(() -> new TriageFacts("", "", "", "")));
  }

  @Override
  public String triage(String incidentId, TriageFacts facts, TriageDecision decision) {
    String policy =
        StepLedger.once(
            db,
            stepKey(incidentId, "triage"),
            clock.millis(),
            s -> {
              // a conflict with the alert consumer (same incident) is retried by the ledger
              HibernateIncidentStore store = new HibernateIncidentStore(s, encoder, effects);
              store
                  .find(incidentId)
                  .ifPresent(i -> triage.apply(i, facts, decision, clock.instant(), store));
              return decision.answered() ? decision.policy() : "";
            },
            Function.identity(),
            Function.identity());
    afterCommit.run();
    return policy;
  }

  @Override
  public String freezePolicy(String incidentId, String policyId) {
    Instant now = clock.instant();
    String candidate = escalator.freeze(oncall.get().policies(), policyId, now);
    return StepLedger.once(
        db,
        stepKey(incidentId, "freezePolicy"),
        now.toEpochMilli(),
        s -> {
          HibernateIncidentStore store = new HibernateIncidentStore(s, encoder, effects);
          if (store.find(incidentId).isEmpty() || candidate.isEmpty()) {
            if (store.find(incidentId).isPresent()) {
              store.record(
                  new TimelineEntry(
                      incidentId,
                      now,
                      "escalation_policy",
                      ESCALATION_ACTOR,
                      freezeMessage("", policyId)));
            }
            return "";
          }
          String frozen =
              FrozenPolicies.keep(
                  s, incidentId, policyId(candidate), candidate, now.toEpochMilli());
          store.record(
              new TimelineEntry(
                  incidentId,
                  now,
                  "escalation_policy",
                  ESCALATION_ACTOR,
                  freezeMessage(frozen, policyId)));
          return policyId(frozen);
        },
        Function.identity(),
        Function.identity());
  }

  @Override
  public EscalationDecision escalate(String incidentId, String frozenPolicyId, int step) {
    Instant now = clock.instant();
    String key = stepKey(incidentId, "escalate:" + step);
    // a step held back by a maintenance window takes no key: it runs again at the window's end
    EscalationDecision decision =
        StepLedger.inTransaction(
            db,
            s -> {
              Optional<String> done = StepLedger.find(s, key);
              if (done.isPresent()) {
                return EscalationResults.decode(done.get(), clock.instant());
              }
              HibernateIncidentStore store = new HibernateIncidentStore(s, encoder, effects);
              Optional<Incident> incident = store.find(incidentId);
              if (incident.isEmpty() || frozenPolicyId == null || frozenPolicyId.isEmpty()) {
                return EscalationDecision.stop();
              }
              OnCallSnapshot config = oncall.get();
              Optional<Instant> heldUntil = effects.heldUntil(s, incident.get(), now);
              if (heldUntil.isPresent()) {
                return EscalationDecision.continueAfter(
                    Duration.between(now, heldUntil.get()), step);
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
                                incidentId, now, "escalated", ESCALATION_ACTOR, message));
                        store.publish(
                            IncidentEvent.of(
                                IncidentEvent.ESCALATED, incident.get(), now, ESCALATION_ACTOR));
                      });
              outcome
                  .step()
                  .ifPresent(ran -> effects.onEscalation(s, incident.get(), ran, config.users()));
              StepLedger.record(
                  s, key, EscalationResults.encode(outcome.decision(), now), now.toEpochMilli());
              return outcome.decision();
            });
    afterCommit.run();
    return decision;
  }

  /** The step key of one step of the incident's process: {@code incident:<id>:<step>}. */
  private static String stepKey(String incidentId, String step) {
    return "incident:" + incidentId + ":" + step;
  }

  private static String freezeMessage(String frozen, String chosen) {
    if (frozen.isEmpty()) {
      return "No escalation policy applies: the incident does not escalate";
    }
    String message = "Escalation policy '" + policyId(frozen) + "' frozen";
    if (chosen == null || chosen.isBlank()) {
      return message;
    }
    return chosen.equals(policyId(frozen))
        ? message + " (chosen by triage)"
        : message + " (triage chose '" + chosen + "', which is not configured)";
  }

  private static String policyId(String frozen) {
    return FrozenPolicy.fromText(frozen).policyId();
  }

  @Override
  public String statusReminderCycle(String incidentId) {
    String priority =
        db.inTransaction(
                s ->
                    new HibernateIncidentStore(s, encoder).find(incidentId).map(Incident::priority))
            .orElse(null);
    return "R/"
        + effects.settings().reminderEvery(priority).orElse(FALLBACK_REMINDER_EVERY).toString();
  }

  @Override
  public void remindStatusUpdate(String incidentId, int reminder) {
    StepLedger.once(
        db,
        stepKey(incidentId, "statusUpdate:" + reminder),
        clock.millis(),
        s -> {
          HibernateIncidentStore store = new HibernateIncidentStore(s, encoder, effects);
          store
              .find(incidentId)
              .filter(i -> i.resolvedAt() == null && !effects.held(s, i.id()))
              .ifPresent(
                  i -> {
                    store.record(
                        new TimelineEntry(
                            incidentId,
                            clock.instant(),
                            "status_update_due",
                            "workflow:incident",
                            "Status update " + reminder + " due"));
                    effects.onReminder(s, i, reminder);
                  });
          return "";
        },
        Function.identity(),
        Function.identity());
    afterCommit.run();
  }

  @Override
  public void recordClosed(String incidentId) {
    StepLedger.once(
        db,
        stepKey(incidentId, "recordClosed"),
        clock.millis(),
        s -> {
          HibernateIncidentStore store = new HibernateIncidentStore(s, encoder, effects);
          if (store.find(incidentId).isPresent()) {
            store.record(
                new TimelineEntry(
                    incidentId,
                    clock.instant(),
                    "process_closed",
                    "workflow:incident",
                    "Incident process finished"));
          }
          return "";
        },
        Function.identity(),
        Function.identity());
  }
}
