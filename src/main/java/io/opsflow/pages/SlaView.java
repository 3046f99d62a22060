package io.opsflow.pages;

import io.opsflow.sla.SlaClocks;
import java.util.ArrayList;
import java.util.List;

/** The SLA clocks of a ticket page: target, due, business time left and state. */
final class SlaView {
  private SlaView() {}

  /** The SLA clocks: due, business time remaining, paused, breached. */
  static Html sla(List<SlaClocks.Shown> clocks) {
    if (clocks.isEmpty()) {
      return Html.of(
          "<section aria-labelledby=\"sla\"><h2 id=\"sla\">SLA</h2>"
              + "<p>No SLA clock runs for this ticket yet.</p></section>");
    }
    List<Html> rows = new ArrayList<>();
    for (SlaClocks.Shown c : clocks) {
      rows.add(
          Html.of(
              "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
              c.row().kind(),
              TicketView.duration(c.status().target()),
              TicketView.time(c.status().due()),
              TicketView.duration(c.status().remainingBusinessTime()),
              state(c)));
    }
    return Html.of(
        "<section aria-labelledby=\"sla\"><h2 id=\"sla\">SLA</h2><table class=\"sla\">"
            + "<thead><tr><th scope=\"col\">Clock</th><th scope=\"col\">Target</th>"
            + "<th scope=\"col\">Due</th><th scope=\"col\">Business time left</th>"
            + "<th scope=\"col\">State</th></tr></thead><tbody>{}</tbody></table></section>",
        Html.join(rows));
  }

  private static Html state(SlaClocks.Shown c) {
    String s;
    if (c.row().stopped() != null) {
      s = c.status().met() ? "met" : "missed";
    } else if (c.status().breached()) {
      s = "breached";
    } else if (c.status().paused()) {
      s = "paused";
    } else {
      s = "running";
    }
    return Html.of("<span class=\"clock clock-{}\">{}</span>", s, s);
  }
}
