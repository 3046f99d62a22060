package io.opsflow.pages;

import io.opsflow.ticket.TicketQueries;
import java.util.Set;

/** What a page says while the session's own write is still on its way through Kafka. */
final class Processing {
  private Processing() {}

  /** The page of a ticket that was just opened and is not stored yet: it reloads itself. */
  static Html ticket(Viewer v) {
    return Layout.page(
        v,
        "Your ticket is being processed",
        Html.of(
            "{}<p>This page reloads by itself every two seconds; reload it if it does not.</p>",
            Layout.notice("Your ticket was received and is being processed.")),
        2);
  }

  /**
   * A notice for the session's comments and changes not applied yet, or nothing; applied ones are
   * forgotten. Items are comment ids, or {@code v<version>} for a change made at that version.
   */
  static Html comments(Pending pending, Viewer v, TicketQueries.Detail d) {
    String id = d.ticket().id();
    Set<String> waiting = pending.of(v.sessionHash(), id);
    int left = 0;
    for (String item : waiting) {
      boolean applied =
          item.startsWith("v:")
              ? d.ticket().version() > Long.parseLong(item.substring(2))
              : d.comments().stream().anyMatch(c -> c.id().equals(item));
      if (applied || item.equals("ticket")) {
        pending.done(v.sessionHash(), id, item);
      } else {
        left++;
      }
    }
    return left == 0
        ? Html.EMPTY
        : Layout.notice(
            "Your last update was received and is being processed; this page reloads by itself.");
  }
}
