package io.opsflow.notify;

import io.opsflow.escalation.FrozenPolicies;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.BreachPages;
import io.opsflow.escalation.model.User;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentStatus;
import io.opsflow.notify.model.EffectPlanner;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * What an SLA breach of an incident does: a response breach of an unacknowledged incident pages at
 * once whom {@link BreachPages} names (unless a maintenance window holds its response back); the
 * war room, if any, hears it.
 */
final class SlaBreachNotice {
  private final EffectPlanner planner;
  private final Clock clock;
  private final HeldResponses holds;
  private final PlanWriter writer;

  SlaBreachNotice(EffectPlanner planner, Clock clock, HeldResponses holds, PlanWriter writer) {
    this.planner = planner;
    this.clock = clock;
    this.holds = holds;
    this.writer = writer;
  }

  /** Returns {@code text} with what was done about the breach, for the timeline. */
  String onBreach(Session s, Incident incident, String kind, String text, OnCallSnapshot oncall) {
    String said = text;
    List<String> paged = List.of();
    if (IncidentClocks.RESPONSE.equals(kind) && incident.status() == IncidentStatus.TRIGGERED) {
      Optional<BreachPages.Paged> whom =
          planner == null || oncall == null
              ? Optional.empty()
              : BreachPages.of(
                  FrozenPolicies.find(s, incident.id()).orElse(""),
                  clock.instant(),
                  oncall.directory());
      if (holds.held(s, incident.id())) {
        said += "; nobody paged: a maintenance window holds the response back";
      } else if (planner == null || oncall == null) {
        said += "; nobody paged: effects are off";
      } else if (whom.isEmpty()) {
        said += "; nobody paged: no escalation policy";
      } else if (whom.get().userIds().isEmpty()) {
        said += "; nobody paged: nobody on call for " + whom.get().whom();
      } else {
        paged = whom.get().userIds();
        said += "; paged " + whom.get().whom() + " now: " + String.join(", ", paged);
      }
    }
    boolean room = planner != null && Rooms.planned(s, incident.id());
    said += room ? "; posted to the war room" : "; no war room to post to";
    if (planner != null) {
      String prefix = incident.id() + ":sla-breach:" + kind;
      Map<String, User> users = oncall == null ? Map.of() : oncall.users();
      writer.write(
          s, incident.id(), planner.onSlaBreach(incident, prefix, paged, users, said, room));
    }
    return said;
  }
}
