package io.opsflow.notify;

import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.model.EffectPlan;
import io.opsflow.notify.model.EffectPlanner;
import java.time.Clock;
import org.hibernate.Session;

/**
 * Writes a plan in the caller's transaction: its effects into the outbox, and the lines for the
 * effects that will not happen onto the incident's timeline.
 */
final class PlanWriter {
  private final EffectPlanner planner;
  private final Clock clock;

  PlanWriter(EffectPlanner planner, Clock clock) {
    this.planner = planner;
    this.clock = clock;
  }

  void write(Session session, String incidentId, EffectPlan plan) {
    if (plan.isEmpty()) {
      return;
    }
    EffectStore.plan(session, plan, planner.settings().mail(), clock.millis());
    for (String note : plan.notes()) {
      session.persist(
          new TimelineEntry(
              incidentId, clock.instant(), "effect_skipped", EffectRecorder.ACTOR, note));
    }
  }
}
