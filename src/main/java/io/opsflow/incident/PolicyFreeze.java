package io.opsflow.incident;

import io.opsflow.db.Database;
import io.opsflow.db.StepLedger;
import io.opsflow.escalation.FrozenPolicies;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.Escalator;
import io.opsflow.escalation.model.FrozenPolicy;
import io.opsflow.incident.model.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The incident process's freeze step: the escalation policy triage chose (or none) is frozen for
 * the incident as it is configured now, once, and the timeline says which.
 */
final class PolicyFreeze {
  private final Database db;
  private final IncidentSteps.Stores stores;
  private final Escalator escalator;
  private final Supplier<OnCallSnapshot> oncall;
  private final Clock clock;

  PolicyFreeze(
      Database db,
      IncidentSteps.Stores stores,
      Escalator escalator,
      Supplier<OnCallSnapshot> oncall,
      Clock clock) {
    this.db = db;
    this.stores = stores;
    this.escalator = escalator;
    this.oncall = oncall;
    this.clock = clock;
  }

  String freezePolicy(String incidentId, String policyId) {
    Instant now = clock.instant();
    String candidate = escalator.freeze(oncall.get().policies(), policyId, now);
    return StepLedger.once(
        db,
        IncidentSteps.stepKey(incidentId, "freezePolicy"),
        now.toEpochMilli(),
        s -> {
          HibernateIncidentStore store = stores.of(s);
          if (store.find(incidentId).isEmpty() || candidate.isEmpty()) {
            if (store.find(incidentId).isPresent()) {
              store.record(
                  new TimelineEntry(
                      incidentId,
                      now,
                      "escalation_policy",
                      IncidentSteps.ESCALATION_ACTOR,
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
                  IncidentSteps.ESCALATION_ACTOR,
                  freezeMessage(frozen, policyId)));
          return policyId(frozen);
        },
        Function.identity(),
        Function.identity());
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
}
