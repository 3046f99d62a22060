package io.opsflow.incident;

import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentAlert;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.EffectStore;
import io.opsflow.sla.SlaClocks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** An incident's details in one session: its alerts, timeline, war room, effects and SLA clocks. */
final class IncidentDetails {
  private IncidentDetails() {}

  /** Empty when there is no such incident in {@code orgScope} (null = every organization). */
  static Optional<IncidentQueries.Detail> read(
      Session s, String orgScope, String id, SlaClocks clocks) {
    Incident i = s.find(Incident.class, id);
    if (i == null || (orgScope != null && !orgScope.equals(i.organizationId()))) {
      return Optional.empty();
    }
    List<IncidentAlert> alerts =
        s.createSelectionQuery(
                "from IncidentAlert where incidentId = :id order by firstSeenAt, fingerprint",
                IncidentAlert.class)
            .setParameter("id", id)
            .getResultList();
    List<TimelineEntry> timeline =
        s.createSelectionQuery(
                "from TimelineEntry where incidentId = :id order by at, id", TimelineEntry.class)
            .setParameter("id", id)
            .getResultList();
    return Optional.of(
        new IncidentQueries.Detail(
            i,
            alerts,
            timeline,
            EffectStore.room(s, id),
            EffectStore.countsByStatus(s, id),
            clocks == null ? List.of() : clocks.statuses(s, id, Instant.now())));
  }
}
