package io.opsflow.ticket;

import io.opsflow.access.OrganizationScope;
import io.opsflow.access.Principal;
import io.opsflow.access.User;
import io.opsflow.access.Users;
import io.opsflow.http.ApiException;
import io.opsflow.http.Emails;
import io.opsflow.http.Fields;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.TicketRules;
import java.util.List;

/** A request to open a ticket, checked field by field and made the command that opens it. */
final class OpenTicketRequest {
  private final Users users;
  private final TicketChecks checks;

  OpenTicketRequest(Users users, TicketChecks checks) {
    this.users = users;
    this.checks = checks;
  }

  TicketCommand.Open command(Principal p, TicketActions.NewTicket n, String id) {
    Actor a = p.ticketActor();
    String org = OrganizationScope.of(p, n.organization());
    if (org == null || org.isBlank()) {
      throw ApiException.badRequest("organization is required for a caller of every organization");
    }
    Fields.atMost("organization", org, 64);
    String subject = TicketChecks.required(n.subject(), "subject", TicketActions.MAX_SUBJECT);
    String description =
        n.description() == null ? "" : TicketChecks.limit(n.description(), "description");
    String priority = n.priority() == null ? "P-2" : n.priority().trim().toUpperCase();
    if (!TicketRules.PRIORITIES.contains(priority)) {
      throw ApiException.badRequest("priority must be P-0, P-1 or P-2");
    }
    String requester = n.requesterEmail();
    if (requester == null && a.customer()) {
      requester = users.byId(a.userId()).map(User::email).orElse(null);
    }
    if (requester != null && !Emails.valid(requester)) {
      throw ApiException.badRequest("requesterEmail is not a mail address");
    }
    if (requester != null && !checks.customerOf(requester, org)) {
      throw TicketChecks.unprocessable("requesterEmail is not a customer of organization " + org);
    }
    List<String> watchers = n.watchers() == null ? List.of() : n.watchers();
    if (watchers.size() > Fields.MAX_WATCHERS) {
      throw ApiException.badRequest(
          "watchers must be at most " + Fields.MAX_WATCHERS + " addresses");
    }
    for (String w : watchers) {
      if (!Emails.valid(w)) {
        throw ApiException.badRequest("watcher '" + w + "' is not a mail address");
      }
      checks.ownWatcher(w, org);
    }
    return new TicketCommand.Open(
        id,
        org,
        subject,
        description,
        priority,
        n.source() == null ? "api" : n.source(),
        requester,
        watchers,
        n.attachments(),
        n.incidentId());
  }
}
