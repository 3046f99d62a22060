package io.opsflow.ticket.model;

import io.opsflow.ticket.model.TicketRules.Clocks;
import io.opsflow.ticket.model.TicketRules.Decision;
import io.opsflow.ticket.model.TicketRules.Refused;
import io.opsflow.ticket.model.TicketRules.Signal;
import java.time.Instant;
import java.util.List;

/** The status rules of {@link TicketRules}: which moves are allowed and what each one does. */
final class TicketStatusRules {
  private TicketStatusRules() {}

  static Decision status(Ticket t, TicketStatus to, String reason, Actor a, Instant at) {
    if (t.status() == to) {
      return new Decision(t, List.of(), List.of(), null, false, null);
    }
    if (t.status() == TicketStatus.CLOSED) {
      throw new Refused("ticket " + t.reference() + " is closed; open a new one");
    }
    String why = reason == null || reason.isBlank() ? "" : ": " + reason;
    return switch (to) {
      case NEW -> throw new Refused("a ticket cannot go back to new");
      case WAITING_ON_CUSTOMER -> {
        TicketRules.staffOnly(a, "set a ticket waiting on the customer");
        if (t.status() == TicketStatus.RESOLVED) {
          throw new Refused("ticket " + t.reference() + " is resolved; reopen it first");
        }
        yield new Decision(
            t.withStatus(to, at),
            List.of("Waiting on the customer (" + a.name() + ")" + why),
            List.of(Clocks.PAUSE_ALL),
            "waiting on customer",
            true,
            null);
      }
      case OPEN -> {
        boolean reopen = t.status() == TicketStatus.RESOLVED;
        yield new Decision(
            t.withStatus(to, at),
            List.of(
                (reopen ? "Reopened by " : "Open again (") + a.name() + (reopen ? "" : ")") + why),
            t.status() == TicketStatus.NEW ? List.of() : List.of(Clocks.RESUME_ALL),
            null,
            true,
            reopen ? Signal.REOPENED : null);
      }
      case RESOLVED ->
          new Decision(
              t.withStatus(to, at),
              List.of("Resolved by " + a.name() + why),
              List.of(Clocks.STOP_RESPONSE, Clocks.PAUSE_RESOLUTION),
              "resolved",
              true,
              Signal.RESOLVED);
      case CLOSED -> {
        if (a.customer() && t.status() != TicketStatus.RESOLVED) {
          throw new Refused("resolve the ticket before closing it");
        }
        yield new Decision(
            t.withStatus(to, at),
            List.of("Closed by " + a.name() + why),
            List.of(Clocks.STOP_ALL),
            null,
            false,
            Signal.CLOSED);
      }
    };
  }
}
