package io.opsflow.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.User;
import io.opsflow.access.Users;
import io.opsflow.db.Page;
import io.opsflow.http.ApiException;
import io.opsflow.ticket.TicketReads;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's queues: unassigned, mine, all open, waiting on the customer, resolved. */
final class ConsolePages {
  private static final int PAGE = 100;
  private static final Map<String, String> QUEUES = new LinkedHashMap<>();

  static {
    QUEUES.put("unassigned", "Unassigned");
    QUEUES.put("mine", "Mine");
    QUEUES.put("open", "All open");
    QUEUES.put("waiting", "Waiting on customer");
    QUEUES.put("resolved", "Resolved");
  }

  private final Web web;
  private final TicketReads queries;
  private final Users users;

  ConsolePages(Web web, TicketReads queries, Users users) {
    this.web = web;
    this.queries = queries;
    this.users = users;
  }

  void register(RoutesConfig routes) {
    routes.get("/console", web.page(this::queue));
  }

  private void queue(Context ctx) {
    Viewer v = web.staff(ctx);
    String queue = Optional.ofNullable(ctx.queryParam("queue")).orElse("unassigned");
    if (!QUEUES.containsKey(queue)) {
      throw ApiException.badRequest("There is no queue '" + queue + "'.");
    }
    String priority = blankToNull(ctx.queryParam("priority"));
    if (priority != null && !TicketRules.PRIORITIES.contains(priority)) {
      throw ApiException.badRequest("Priority must be P-0, P-1 or P-2.");
    }
    String org = blankToNull(ctx.queryParam("organization"));
    Page<Ticket> page =
        queries.list(
            v.principal().scope(),
            ConsoleFilters.of(queue, priority, org, v),
            PAGE,
            ctx.queryParam("cursor"));
    Html body =
        Html.of(
            "<nav aria-label=\"Queues\"><ul class=\"queues\">{}</ul></nav>{}{}{}",
            tabs(queue, priority, org),
            ConsoleFilters.form(queue, priority, org),
            table(page.items()),
            page.next() == null
                ? Html.EMPTY
                : Html.of(
                    "<p><a href=\"/console?queue={}&amp;priority={}&amp;organization={}"
                        + "&amp;cursor={}\">More tickets</a></p>",
                    queue,
                    priority == null ? "" : priority,
                    Web.encode(org == null ? "" : org),
                    Web.encode(page.next())));
    Web.html(ctx, 200, Layout.page(v, "Queue: " + QUEUES.get(queue), body, 0));
  }

  private static Html tabs(String current, String priority, String org) {
    List<Html> items = new ArrayList<>();
    QUEUES.forEach(
        (id, label) ->
            items.add(
                Html.of(
                    "<li><a href=\"/console?queue={}&amp;priority={}&amp;organization={}\"{}>{}"
                        + "</a></li>",
                    id,
                    priority == null ? "" : priority,
                    Web.encode(org == null ? "" : org),
                    Html.when(id.equals(current), Html.of(" aria-current=\"page\"")),
                    label)));
    return Html.join(items);
  }

  private Html table(List<Ticket> tickets) {
    if (tickets.isEmpty()) {
      return Html.of("<p>No tickets in this queue.</p>");
    }
    Map<String, String> names = new HashMap<>();
    List<Html> rows = new ArrayList<>();
    for (Ticket t : tickets) {
      String assignee =
          t.assigneeId() == null
              ? "—"
              : names.computeIfAbsent(
                  t.assigneeId(), id -> users.byId(id).map(User::name).orElse("unknown"));
      rows.add(
          Html.of(
              "<tr><td><a href=\"/console/tickets/{}\">{}</a></td><td>{}</td><td>{}</td>"
                  + "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
              t.id(),
              t.reference(),
              t.subject(),
              t.organizationId(),
              t.priority(),
              TicketView.status(t),
              assignee,
              TicketView.time(t.createdAt())));
    }
    return Html.of(
        "<table class=\"tickets\"><caption>Tickets, newest first</caption><thead><tr>"
            + "<th scope=\"col\">Reference</th><th scope=\"col\">Subject</th>"
            + "<th scope=\"col\">Organization</th><th scope=\"col\">Priority</th>"
            + "<th scope=\"col\">Status</th><th scope=\"col\">Assigned to</th>"
            + "<th scope=\"col\">Opened</th></tr></thead><tbody>{}</tbody></table>",
        Html.join(rows));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
