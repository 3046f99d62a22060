package io.opsflow.ticket;

import io.opsflow.access.User;
import io.opsflow.access.Users;
import io.opsflow.http.ApiException;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketRules;
import java.time.Clock;

/** The actions only an SRE takes on a ticket the caller sees: priority, assignee, incident link. */
final class TicketStaffActions {
  private final TicketQueries queries;
  private final Users users;
  private final Clock clock;

  TicketStaffActions(TicketQueries queries, Users users, Clock clock) {
    this.queries = queries;
    this.users = users;
    this.clock = clock;
  }

  TicketCommand prioritize(Actor a, Ticket t, String priority, String reason) {
    TicketChecks.staff(a);
    String pr = priority == null ? "" : priority.trim().toUpperCase();
    try {
      TicketRules.prioritize(t, pr, reason, a, clock.instant());
    } catch (TicketRules.Refused e) {
      throw ApiException.badRequest(e.getMessage());
    }
    return new TicketCommand.Prioritize(t.id(), pr, reason);
  }

  /** Assigns to an SRE given by user id or mail address; null or empty unassigns. */
  TicketCommand assign(Actor a, Ticket t, String assignee) {
    TicketChecks.staff(a);
    String userId = null;
    if (assignee != null && !assignee.isBlank()) {
      User u =
          (assignee.contains("@") ? users.byEmail(assignee) : users.byId(assignee))
              .filter(x -> x.role().staff() && x.active())
              .filter(
                  x -> x.organizationId() == null || x.organizationId().equals(t.organizationId()))
              .orElseThrow(
                  () -> ApiException.badRequest("no SRE '" + assignee + "' for this ticket"));
      userId = u.id();
    }
    return new TicketCommand.Assign(t.id(), userId);
  }

  TicketCommand link(Actor a, Ticket t, String incidentId) {
    TicketChecks.staff(a);
    TicketChecks.required(incidentId, "incidentId", 64);
    // an unknown incident and another organization's answer alike
    if (!queries.incidentOf(incidentId.trim(), t.organizationId())) {
      throw ApiException.notFound("incident " + incidentId.trim() + " not found");
    }
    return new TicketCommand.Link(t.id(), incidentId.trim());
  }
}
