package io.opsflow.ticket.mail;

import io.opsflow.access.User;
import io.opsflow.ticket.model.Ticket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Records machine mail that is dropped: a staff-only line on the ticket's timeline when the mail
 * names a ticket, else an audit line. The ticket is looked up within the sender's organization; for
 * a sender opsflow does not know (a mailer daemon), only by our own Message-IDs, which carry the
 * random ticket id and cannot be guessed.
 */
final class MailDrops {
  static final String KIND = "mail_dropped";
  static final String ACTION = "mail.dropped";
  private static final int BOUNCE_HEAD = 64 * 1024;

  private final MailRecords records;
  private final Clock clock;

  MailDrops(MailRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  MailOutcome drop(
      InboundMail m,
      Optional<? extends User> sender,
      MailFilter.Drop d,
      BiFunction<InboundMail, String, Optional<Ticket>> answered) {
    String who = m.from() == null ? "an unknown sender" : m.from();
    String line =
        "Mail from " + who + " dropped as " + d.kind() + " (" + d.why() + "), <" + m.key() + ">";
    Optional<Ticket> t =
        sender.isPresent()
            ? answered.apply(m, sender.get().organizationId())
            : byOurIds(m, d.kind().equals("bounce"));
    if (t.isPresent()) {
      records.ticketNote(t.get().id(), KIND, line, clock.instant());
    } else {
      String org = sender.map(User::organizationId).orElse(null);
      records.audit(org, ACTION, m.key(), line, clock.instant());
    }
    return MailOutcome.dropped(t.map(Ticket::id).orElse(null), line);
  }

  private Optional<Ticket> byOurIds(InboundMail m, boolean bounce) {
    List<String> ids = new ArrayList<>(TicketRefs.threadIds(m));
    if (m.messageId() != null) {
      ids.addAll(TicketRefs.quotedIds(m.messageId()));
    }
    if (bounce) {
      int n = Math.min(m.raw().length, BOUNCE_HEAD);
      ids.addAll(TicketRefs.quotedIds(new String(m.raw(), 0, n, StandardCharsets.ISO_8859_1)));
    }
    for (String id : ids) {
      Optional<Ticket> t = records.ticket(id, null);
      if (t.isPresent()) {
        return t;
      }
    }
    return Optional.empty();
  }
}
