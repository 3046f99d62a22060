package io.opsflow.pages;

import io.opsflow.ticket.model.Ticket;
import java.util.ArrayList;
import java.util.List;

/** The portal's list of an organization's tickets, newest first. */
final class PortalTable {
  private PortalTable() {}

  static Html of(List<Ticket> tickets) {
    if (tickets.isEmpty()) {
      return Html.of("<p>No tickets here.</p>");
    }
    List<Html> rows = new ArrayList<>();
    for (Ticket t : tickets) {
      rows.add(
          Html.of(
              "<tr><td><a href=\"/portal/tickets/{}\">{}</a></td><td>{}</td><td>{}</td>"
                  + "<td>{}</td><td>{}</td></tr>",
              t.id(),
              t.reference(),
              t.subject(),
              TicketView.status(t),
              t.priority(),
              TicketView.time(t.updatedAt())));
    }
    return Html.of(
        "<table class=\"tickets\"><caption>Tickets, newest first</caption><thead><tr>"
            + "<th scope=\"col\">Reference</th><th scope=\"col\">Subject</th>"
            + "<th scope=\"col\">Status</th><th scope=\"col\">Priority</th>"
            + "<th scope=\"col\">Updated</th></tr></thead><tbody>{}</tbody></table>",
        Html.join(rows));
  }
}
