package io.opsflow.ticket;

import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketEvent;
import io.opsflow.ticket.model.TicketRules;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.Session;

/** Links tickets to incidents of their organization: both timelines say so, and an event. */
final class TicketLinks {
  private final TicketOutbox outbox;

  TicketLinks(TicketOutbox outbox) {
    this.outbox = outbox;
  }

  void link(Session s, TicketStore store, Actor actor, Ticket t, String incidentId, Instant at)
      throws SQLException {
    Incident incident = s.find(Incident.class, incidentId);
    if (incident == null || !incident.organizationId().equals(t.organizationId())) {
      throw new TicketRules.Refused("incident " + incidentId + " not found in the organization");
    }
    link(s, store, actor, t, incidentId, "Linked to incident " + incidentId, at);
  }

  /** Links the incident that a ticket paged with; false when there is no such ticket. */
  boolean linkPaged(Session s, String ticketId, Incident incident, Actor actor, Instant at) {
    boolean[] found = new boolean[1];
    s.doWork(
        c -> {
          TicketStore store = new TicketStore(c);
          Optional<Ticket> t =
              store
                  .find(ticketId)
                  .filter(x -> x.organizationId().equals(incident.organizationId()));
          if (t.isEmpty()) {
            return;
          }
          found[0] = true;
          String shortId = incident.id().substring(0, Math.min(8, incident.id().length()));
          link(
              s,
              store,
              actor,
              t.get(),
              incident.id(),
              "Incident " + shortId + " declared: on-call paged",
              at);
        });
    return found[0];
  }

  private boolean link(
      Session s,
      TicketStore store,
      Actor actor,
      Ticket t,
      String incidentId,
      String line,
      Instant at)
      throws SQLException {
    if (!store.link(t.id(), incidentId, actor.name(), at)) {
      return false;
    }
    store.timeline(t.id(), at, "link", actor.name(), line);
    s.persist(
        new TimelineEntry(
            incidentId, at, "ticket", actor.name(), "Linked to ticket " + t.reference()));
    outbox.event(s, TicketEvent.of(TicketEvent.LINKED, t, actor.name(), incidentId, at));
    store.audit(at, actor.name(), t.organizationId(), "ticket.link", t.id(), incidentId);
    return true;
  }
}
