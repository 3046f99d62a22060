package io.opsflow.incident;

import io.opsflow.db.Database;
import io.opsflow.db.StepLedger;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.EffectRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * The incident process's status reminders: how often they are due for the incident's priority, and
 * each one, once, unless the incident is resolved or held back by a maintenance window.
 */
final class StatusReminders {
  private static final Duration FALLBACK_REMINDER_EVERY = Duration.ofHours(8);

  private final Database db;
  private final IncidentSteps.Stores stores;
  private final IncidentSteps.Stores plain;
  private final Clock clock;
  private final EffectRecorder effects;

  /** {@code plain} stores plan no effects: the cycle only reads. */
  StatusReminders(
      Database db,
      IncidentSteps.Stores stores,
      IncidentSteps.Stores plain,
      Clock clock,
      EffectRecorder effects) {
    this.db = db;
    this.stores = stores;
    this.plain = plain;
    this.clock = clock;
    this.effects = effects;
  }

  String cycle(String incidentId) {
    String priority =
        db.inTransaction(s -> plain.of(s).find(incidentId).map(Incident::priority)).orElse(null);
    return "R/"
        + effects.settings().reminderEvery(priority).orElse(FALLBACK_REMINDER_EVERY).toString();
  }

  void remind(String incidentId, int reminder) {
    StepLedger.once(
        db,
        IncidentSteps.stepKey(incidentId, "statusUpdate:" + reminder),
        clock.millis(),
        s -> {
          HibernateIncidentStore store = stores.of(s);
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
  }
}
