package io.opsflow.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.db.Sql;
import io.opsflow.incident.model.Incident;
import io.opsflow.notify.CustomerTickets;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketPage;
import io.opsflow.ticket.model.TicketRules;
import io.opsflow.ticket.model.TicketStatus;
import io.opsflow.ticket.model.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Opens a ticket on the customer's behalf when opsflow detects an incident that affects them (a
 * priority in {@code priorities}), so the customer hears of it before they ask; the ticket is
 * linked to the incident, its customers watch it, and it is resolved with the incident. Written in
 * the incident's own transaction, with ids derived from the incident's, so a replay opens nothing
 * twice.
 *
 * <p>An incident a ticket paged with (its first alert names the ticket in the custom detail {@value
 * TicketPage#TICKET_ID}) opens no ticket: it is linked to that ticket instead, when the ticket is
 * of the incident's organization; a ticket of another organization is ignored.
 */
public final class IncidentTickets implements CustomerTickets {
  private static final Actor ACTOR = Actor.system("incident");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TicketApplier applier;
  private final Set<String> priorities;

  public IncidentTickets(TicketApplier applier, Set<String> priorities) {
    this.applier = applier;
    this.priorities = Set.copyOf(priorities);
  }

  static String ticketIdOf(String incidentId) {
    return UUID.nameUUIDFromBytes(
            ("incident-ticket:" + incidentId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /**
   * The incident got its priority: link it to the ticket that paged with it, else open its customer
   * ticket when the priority calls for one.
   */
  @Override
  public void onPrioritized(Session s, Incident i, Instant at) {
    Optional<String> paging = pagingTicket(i);
    if (paging.isPresent() && applier.linkPaged(s, paging.get(), i, ACTOR, at)) {
      return;
    }
    if (i.priority() == null || !priorities.contains(i.priority())) {
      return;
    }
    String ticketId = ticketIdOf(i.id());
    List<String> customers = new java.util.ArrayList<>();
    s.doWork(
        c ->
            customers.addAll(
                Sql.query(
                    c,
                    "select email from app_user where organization_id = ? and role = 'customer'"
                        + " and disabled_at is null order by email",
                    rs -> rs.getString(1),
                    i.organizationId())));
    applier.apply(
        s,
        "incident-ticket-open:" + i.id(),
        ACTOR,
        new TicketCommand.Open(
            ticketId,
            i.organizationId(),
            cut("Incident: " + i.title(), 300),
            "opsflow detected an incident that affects your service: "
                + i.title()
                + "\nPriority "
                + i.priority()
                + ", started "
                + i.openedAt()
                + ". We are working on it and will update this ticket.",
            i.priority(),
            "incident",
            null,
            customers,
            List.of(),
            i.id()),
        at);
  }

  /** The incident is resolved: say so on its customer ticket and resolve it. */
  @Override
  public void onResolved(Session s, Incident i, Instant at) {
    String ticketId = ticketIdOf(i.id());
    boolean[] open = new boolean[1];
    s.doWork(
        c ->
            open[0] = new TicketStore(c).find(ticketId).map(t -> !t.status().done()).orElse(false));
    if (!open[0]) {
      return;
    }
    try {
      applier.apply(
          s,
          "incident-ticket-comment:" + i.id(),
          ACTOR,
          new TicketCommand.Comment(
              ticketId,
              UUID.nameUUIDFromBytes(
                      ("incident-resolved:" + i.id()).getBytes(StandardCharsets.UTF_8))
                  .toString(),
              Visibility.PUBLIC,
              "The incident is resolved (" + at + "). A root-cause analysis follows.",
              "incident",
              List.of()),
          at);
      applier.apply(
          s,
          "incident-ticket-resolve:" + i.id(),
          ACTOR,
          new TicketCommand.SetStatus(ticketId, TicketStatus.RESOLVED, "the incident is resolved"),
          at);
    } catch (TicketRules.Refused e) {
      // the ticket moved on meanwhile (closed by someone): nothing to add
    }
  }

  /** The ticket the incident's first alert names, if it names one. */
  static Optional<String> pagingTicket(Incident i) {
    if (i.labels() == null || i.labels().isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode id = JSON.readTree(i.labels()).path("custom_details").path(TicketPage.TICKET_ID);
      return id.isTextual() && !id.asText().isBlank() && id.asText().length() <= 36
          ? Optional.of(id.asText())
          : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
