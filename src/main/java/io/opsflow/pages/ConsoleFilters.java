package io.opsflow.pages;

import io.opsflow.ticket.TicketQueries;
import io.opsflow.ticket.model.TicketStatus;
import java.util.ArrayList;
import java.util.List;

/** What a console queue shows: its ticket filter, and the form that narrows it. */
final class ConsoleFilters {
  private ConsoleFilters() {}

  /** The filter of queue {@code queue}, narrowed to a priority and an organization if given. */
  static TicketQueries.Filter of(String queue, String priority, String org, Viewer v) {
    String me = v.principal().userId() == null ? "none" : v.principal().userId();
    return switch (queue) {
      case "unassigned" -> new TicketQueries.Filter(org, null, priority, "none", null, true, null);
      case "mine" -> new TicketQueries.Filter(org, null, priority, me, null, true, null);
      case "waiting" ->
          new TicketQueries.Filter(
              org, TicketStatus.WAITING_ON_CUSTOMER, priority, null, null, null, null);
      case "resolved" ->
          new TicketQueries.Filter(org, TicketStatus.RESOLVED, priority, null, null, null, null);
      default -> new TicketQueries.Filter(org, null, priority, null, null, true, null);
    };
  }

  /** The form choosing a priority and an organization within the queue. */
  static Html form(String queue, String priority, String org) {
    List<Html> options = new ArrayList<>();
    options.add(Html.of("<option value=\"\">Any</option>"));
    for (Priorities.Level l : Priorities.LEVELS) {
      options.add(
          Html.of(
              "<option value=\"{}\"{}>{}</option>",
              l.id(),
              Html.when(l.id().equals(priority), Html.of(" selected")),
              l.id()));
    }
    return Html.of(
        "<form method=\"get\" action=\"/console\" class=\"filters\"><fieldset><legend>Filter"
            + "</legend><input type=\"hidden\" name=\"queue\" value=\"{}\"><label"
            + " for=\"priority\">Priority</label><select id=\"priority\" name=\"priority\">{}"
            + "</select> <label for=\"organization\">Organization</label><input id=\"organization\""
            + " name=\"organization\" value=\"{}\"> <button type=\"submit\">Show</button>"
            + "</fieldset></form>",
        queue,
        Html.join(options),
        org == null ? "" : org);
  }
}
