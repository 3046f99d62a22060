package io.opsflow.ticket.mail;

import io.opsflow.kafka.CloudEvent;
import io.opsflow.ticket.TicketEnvelopes;
import io.opsflow.ticket.model.Actor;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketCommand;
import io.opsflow.ticket.model.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a person's mail into a ticket command and writes it to Kafka. Every id is derived from the
 * mail's key (its Message-ID): the envelope id, the comment id and a new ticket's id. A mail read
 * again after a crash (written to Kafka, not yet marked seen) is the same envelope, which the
 * ticket consumer applies once.
 */
final class MailCommands {
  static final int MAX_SUBJECT = 300;
  static final int MAX_TEXT = 60 * 1024;
  private static final Pattern PRIORITY =
      Pattern.compile("\\[\\s*P-?([0-2])\\s*\\]|\\bP-([0-2])\\b", Pattern.CASE_INSENSITIVE);

  private final TicketLog log;
  private final Clock clock;

  MailCommands(TicketLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** A public comment on {@code t}: the reply without the quoted history. */
  MailOutcome comment(InboundMail m, MailBody b, Actor a, Ticket t) {
    String text = QuotedText.strip(b.text());
    if (text.isBlank()) {
      text = b.attachments().isEmpty() ? "(empty mail)" : "(files only)";
    }
    String body = limit(text) + dropped(b.dropped());
    String commentId = id("mail-comment:" + m.key());
    TicketCommand c =
        new TicketCommand.Comment(
            t.id(), commentId, Visibility.PUBLIC, body, "email", b.attachments());
    return publish(m, t.id(), c, a)
        .orElseGet(() -> MailOutcome.commented(t.id(), "comment on " + t.reference()));
  }

  /** A new ticket for the actor's organization; {@code closed} is the closed ticket it follows. */
  MailOutcome open(InboundMail m, MailBody b, Actor a, Optional<Ticket> closed) {
    String ticketId = id("mail-ticket:" + a.organizationId() + ":" + m.key());
    String subject = m.subject().isBlank() ? "(no subject)" : m.subject();
    if (subject.length() > MAX_SUBJECT) {
      subject = subject.substring(0, MAX_SUBJECT - 3) + "...";
    }
    String follow =
        closed.map(t -> "Follow-up to " + t.reference() + ", which is closed.\n\n").orElse("");
    String description = follow + limit(b.text()) + dropped(b.dropped());
    TicketCommand c =
        new TicketCommand.Open(
            ticketId,
            a.organizationId(),
            subject,
            description,
            priority(m.subject()),
            "email",
            m.from(),
            List.of(),
            b.attachments(),
            null);
    return publish(m, ticketId, c, a)
        .orElseGet(
            () ->
                MailOutcome.opened(
                    ticketId,
                    "ticket " + Ticket.referenceOf(ticketId) + " for " + a.organizationId()));
  }

  /** P-0 or P-1 when the subject says so ({@code [P-1]}, {@code P-0}), else P-2. */
  static String priority(String subject) {
    Matcher x = PRIORITY.matcher(subject == null ? "" : subject);
    if (!x.find()) {
      return "P-2";
    }
    return "P-" + (x.group(1) != null ? x.group(1) : x.group(2));
  }

  /** Empty when Kafka acknowledged the command, else the outcome to try again. */
  private Optional<MailOutcome> publish(InboundMail m, String ticketId, TicketCommand c, Actor a) {
    CloudEvent e = TicketEnvelopes.encode(id("mail:" + m.key()), c, a, clock.instant());
    try {
      log.append(ticketId, e);
      return Optional.empty();
    } catch (RuntimeException x) {
      return Optional.of(MailOutcome.retry("ticket command not acknowledged: " + x.getMessage()));
    }
  }

  static String id(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String limit(String text) {
    return text.length() <= MAX_TEXT
        ? text
        : text.substring(0, MAX_TEXT) + "\n\n[the mail was cut here: longer than 60 KiB]";
  }

  private static String dropped(List<String> files) {
    return files.isEmpty() ? "" : "\n\n[files not kept: " + String.join("; ", files) + "]";
  }
}
