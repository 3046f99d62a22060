package io.opsflow.pages;

import io.javalin.http.Context;
import io.opsflow.access.User;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.TicketQueries;
import io.opsflow.ticket.model.TicketStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The console's forms for one ticket: reply or note, assign, status, priority, incident link. */
final class ConsoleForms {
  private final Viewer v;
  private final TicketQueries.Detail d;
  private final Context ctx;
  private final String base;

  ConsoleForms(Viewer v, TicketQueries.Detail d, Context ctx) {
    this.v = v;
    this.d = d;
    this.ctx = ctx;
    this.base = "/console/tickets/" + d.ticket().id();
  }

  /** A reply to the customer or an internal note. */
  Html reply() {
    if (d.ticket().status() == TicketStatus.CLOSED) {
      return Html.of("<p>This ticket is closed.</p>");
    }
    boolean note = "internal".equals(ctx.formParam("visibility"));
    return Html.of(
        "<form method=\"post\" action=\"{}/comments\" enctype=\"multipart/form-data\""
            + " class=\"card\">{}<p><label for=\"body\">Reply or note</label><textarea id=\"body\""
            + " name=\"body\" rows=\"5\" required maxlength=\"{}\">{}</textarea></p><fieldset>"
            + "<legend>Who sees it</legend><div class=\"choice\"><input type=\"radio\""
            + " id=\"vis-public\" name=\"visibility\" value=\"public\"{}><label"
            + " for=\"vis-public\">Public reply: the customer sees it and is mailed</label></div>"
            + "<div class=\"choice\"><input type=\"radio\" id=\"vis-internal\" name=\"visibility\""
            + " value=\"internal\"{}><label for=\"vis-internal\">Internal note: SREs only</label>"
            + "</div></fieldset><p><label for=\"attachment\">Attach a file (optional, up to 256"
            + " KiB)</label><input id=\"attachment\" name=\"attachment\" type=\"file\"></p>"
            + "<button type=\"submit\">Add</button></form>",
        base,
        Layout.csrf(v),
        TicketActions.MAX_TEXT,
        Optional.ofNullable(ctx.formParam("body")).orElse(""),
        Html.when(!note, Html.of(" checked")),
        Html.when(note, Html.of(" checked")));
  }

  /** Assign, status, priority and incident link, each its own small form. */
  Html work(List<? extends User> staff) {
    return Html.join(assign(staff), status(), priority(), link());
  }

  private Html assign(List<? extends User> staff) {
    List<Html> options = new ArrayList<>();
    options.add(Html.of("<option value=\"\">Nobody</option>"));
    for (User u : staff) {
      options.add(
          Html.of(
              "<option value=\"{}\"{}>{} ({})</option>",
              u.id(),
              Html.when(u.id().equals(d.ticket().assigneeId()), Html.of(" selected")),
              u.name(),
              u.email()));
    }
    Html mine =
        v.principal().userId() == null
            ? Html.EMPTY
            : Html.of(
                "<form method=\"post\" action=\"{}/assign\" class=\"inline\">{}<input"
                    + " type=\"hidden\" name=\"assignee\" value=\"{}\"><button type=\"submit\">"
                    + "Assign to me</button></form>",
                base,
                Layout.csrf(v),
                v.principal().userId());
    return Html.of(
        "<div class=\"card\"><form method=\"post\" action=\"{}/assign\">{}<p><label"
            + " for=\"assignee\">Assigned to</label><select id=\"assignee\" name=\"assignee\">{}"
            + "</select> <button type=\"submit\">Assign</button></p></form>{}</div>",
        base,
        Layout.csrf(v),
        Html.join(options),
        mine);
  }

  private Html status() {
    List<Html> options = new ArrayList<>();
    for (TicketStatus s :
        List.of(
            TicketStatus.OPEN,
            TicketStatus.WAITING_ON_CUSTOMER,
            TicketStatus.RESOLVED,
            TicketStatus.CLOSED)) {
      options.add(
          Html.of(
              "<option value=\"{}\"{}>{}</option>",
              s.wire(),
              Html.when(s == d.ticket().status(), Html.of(" selected")),
              s.wire().replace('-', ' ')));
    }
    return Html.of(
        "<form method=\"post\" action=\"{}/status\" class=\"card\">{}<fieldset><legend>Status"
            + "</legend><p><label for=\"status\">New status</label><select id=\"status\""
            + " name=\"status\">{}</select></p><p><label for=\"status-reason\">Reason"
            + " (optional)</label><input id=\"status-reason\" name=\"reason\" maxlength=\"500\">"
            + "</p><button type=\"submit\">Set the status</button></fieldset></form>",
        base,
        Layout.csrf(v),
        Html.join(options));
  }

  private Html priority() {
    return Html.of(
        "<form method=\"post\" action=\"{}/priority\" class=\"card\">{}{}<p><label"
            + " for=\"priority-reason\">Reason for the change (required)</label><input"
            + " id=\"priority-reason\" name=\"reason\" required maxlength=\"500\"></p><button"
            + " type=\"submit\">Change the priority</button></form>",
        base,
        Layout.csrf(v),
        Priorities.choice("priority", d.ticket().priority()));
  }

  private Html link() {
    return Html.of(
        "<form method=\"post\" action=\"{}/incidents\" class=\"card\">{}<p><label"
            + " for=\"incident\">Link to incident (id)</label><input id=\"incident\""
            + " name=\"incidentId\" required maxlength=\"64\"> <button type=\"submit\">Link"
            + "</button></p></form>",
        base,
        Layout.csrf(v));
  }
}
