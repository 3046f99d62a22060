package io.opsflow.ticket;

import io.opsflow.access.OrganizationIds;
import io.opsflow.access.Users;
import io.opsflow.http.ApiException;
import io.opsflow.http.Emails;
import io.opsflow.http.Fields;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Role;
import io.opsflow.ticket.model.Ticket;
import java.util.List;

/** The checks ticket requests share: field sizes, SRE-only actions, whose users may watch. */
final class TicketChecks {
  private final Users users;

  TicketChecks(Users users) {
    this.users = users;
  }

  /** Is {@code email} an active customer of {@code org}? */
  boolean customerOf(String email, String org) {
    return users
        .byEmail(email.trim())
        .filter(u -> u.active() && u.role() == Role.CUSTOMER)
        .filter(u -> OrganizationIds.names(org, u.organizationId()))
        .isPresent();
  }

  /** A watcher who is a user of another organization would read this one's tickets: 422. */
  void ownWatcher(String email, String org) {
    users
        .byEmail(email.trim())
        .filter(u -> u.organizationId() != null && !OrganizationIds.names(org, u.organizationId()))
        .ifPresent(
            u -> {
              throw unprocessable("watcher '" + email + "' is a user of another organization");
            });
  }

  /** A watcher the ticket may take: a mail address of its organization, room for one more. */
  void newWatcher(Ticket t, String email, TicketQueries queries) {
    if (email == null || !Emails.valid(email)) {
      throw ApiException.badRequest("email is not a mail address");
    }
    ownWatcher(email, t.organizationId());
    List<String> watching = queries.watchers(t.id());
    if (watching.size() >= Fields.MAX_WATCHERS
        && watching.stream().noneMatch(w -> w.equalsIgnoreCase(email.trim()))) {
      throw new ApiException(
          409, "conflict", "a ticket has at most " + Fields.MAX_WATCHERS + " watchers");
    }
  }

  static ApiException unprocessable(String detail) {
    return new ApiException(422, "unprocessable", detail);
  }

  static void staff(Actor a) {
    if (a.customer()) {
      throw ApiException.forbidden("this needs an SRE");
    }
  }

  static String required(String v, String field, int max) {
    if (v == null || v.isBlank()) {
      throw ApiException.badRequest(field + " is required");
    }
    return Fields.atMost(field, v, max).trim();
  }

  static String limit(String v, String field) {
    return Fields.atMost(field, v, TicketActions.MAX_TEXT);
  }
}
