package io.opsflow.store;

import io.opsflow.incident.IncidentEvent;
import io.opsflow.incident.IncidentProcessSteps;
import io.opsflow.incident.TimelineEntry;
import io.opsflow.incident.Triage;
import io.opsflow.store.HibernateIncidentStore.OutgoingRecord;
import java.time.Clock;
import java.util.function.Function;

/** The incident process's tasks, each one transaction against opsflow's tables. */
public final class IncidentSteps implements IncidentProcessSteps {
  private final Database db;
  private final Function<IncidentEvent, OutgoingRecord> encoder;
  private final Runnable afterCommit;
  private final Triage triage = new Triage();
  private final Clock clock;

  public IncidentSteps(
      Database db,
      Function<IncidentEvent, OutgoingRecord> encoder,
      Runnable afterCommit,
      Clock clock) {
    this.db = db;
    this.encoder = encoder;
    this.afterCommit = afterCommit;
    this.clock = clock;
  }

  @Override
  public void triage(String incidentId) {
    for (int attempt = 1; ; attempt++) {
      try {
        db.inTransaction(
            s -> {
              HibernateIncidentStore store = new HibernateIncidentStore(s, encoder);
              store.find(incidentId).ifPresent(i -> triage.apply(i, clock.instant(), store));
              return null;
            });
        break;
      } catch (RuntimeException e) {
        // the alert consumer updated the same incident meanwhile: read it again and retry
        if (attempt >= 5 || !Conflicts.isConflict(e)) {
          throw e;
        }
      }
    }
    afterCommit.run();
  }

  @Override
  public void recordClosed(String incidentId) {
    db.inTransaction(
        s -> {
          HibernateIncidentStore store = new HibernateIncidentStore(s, encoder);
          if (store.find(incidentId).isPresent()) {
            store.record(
                new TimelineEntry(
                    incidentId,
                    clock.instant(),
                    "process_closed",
                    "workflow:incident",
                    "Incident process finished"));
          }
          return null;
        });
  }
}
