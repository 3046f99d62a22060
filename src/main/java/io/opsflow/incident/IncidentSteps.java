package io.opsflow.incident;

import io.opsflow.db.Database;
import io.opsflow.db.StepLedger;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.Escalator;
import io.opsflow.incident.model.EscalationDecision;
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
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;

/** The incident process's tasks, each one transaction against opsflow's tables. */
public final class IncidentSteps implements IncidentProcessSteps {
  private final Database db;
  private final Runnable afterCommit;
  static final String ESCALATION_ACTOR = "workflow:escalation";

  private final Triage triage = new Triage();
  private final Supplier<OnCallSnapshot> oncall;
  private final Clock clock;
  private final EffectRecorder effects;
  private final Stores stores;
  private final PolicyFreeze freeze;
  private final EscalationStep escalation;
  private final StatusReminders reminders;

  /** The incident store of one step's session. */
  interface Stores {
    HibernateIncidentStore of(Session s);
  }

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
    this.afterCommit = afterCommit;
    this.oncall = oncall;
    this.clock = clock;
    this.stores = s -> new HibernateIncidentStore(s, encoder, effects);
    Escalator escalator = new Escalator();
    this.freeze = new PolicyFreeze(db, stores, escalator, oncall, clock);
    this.escalation = new EscalationStep(db, stores, escalator, oncall, clock, effects);
    this.reminders =
        new StatusReminders(
            db, stores, s -> new HibernateIncidentStore(s, encoder), clock, effects);
  }

  @Override
  public TriageFacts triageFacts(String incidentId) {
    ServiceCatalogue services = oncall.get().services();
    return db.inTransaction(
        s ->
            stores
                .of(s)
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
              HibernateIncidentStore store = stores.of(s);
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
    return freeze.freezePolicy(incidentId, policyId);
  }

  @Override
  public EscalationDecision escalate(String incidentId, String frozenPolicyId, int step) {
    EscalationDecision decision = escalation.escalate(incidentId, frozenPolicyId, step);
    afterCommit.run();
    return decision;
  }

  /** The step key of one step of the incident's process: {@code incident:<id>:<step>}. */
  static String stepKey(String incidentId, String step) {
    return "incident:" + incidentId + ":" + step;
  }

  @Override
  public String statusReminderCycle(String incidentId) {
    return reminders.cycle(incidentId);
  }

  @Override
  public void remindStatusUpdate(String incidentId, int reminder) {
    reminders.remind(incidentId, reminder);
    afterCommit.run();
  }

  @Override
  public void recordClosed(String incidentId) {
    StepLedger.once(
        db,
        stepKey(incidentId, "recordClosed"),
        clock.millis(),
        s -> {
          HibernateIncidentStore store = stores.of(s);
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
