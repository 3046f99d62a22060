package io.opsflow.ticket.mail;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of {@link MailIntake}: every unseen mail, in batches, until none is left or one must be
 * tried again; each one counted and logged by what became of it.
 */
final class MailRound {
  private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
  private static final int BATCH = 50;

  private final ImapMailbox mailbox;
  private final MailProcessor processor;
  private final MeterRegistry metrics;
  private final Clock clock;

  MailRound(ImapMailbox mailbox, MailProcessor processor, MeterRegistry metrics, Clock clock) {
    this.mailbox = mailbox;
    this.processor = processor;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** What became of each mail handled; {@code closed} ends the round between batches. */
  List<MailOutcome> run(BooleanSupplier closed) throws Exception {
    List<MailOutcome> outcomes = new ArrayList<>();
    int handled;
    do {
      int before = outcomes.size();
      handled = mailbox.drain(BATCH, mail -> handle(mail, outcomes));
      if (outcomes.size() > before && !outcomes.get(outcomes.size() - 1).done()) {
        break;
      }
    } while (handled == BATCH && !closed.getAsBoolean());
    return outcomes;
  }

  /** The round for {@code /health}: how many mails were processed, and which one waits. */
  String summary(List<MailOutcome> outcomes) {
    long retry = outcomes.stream().filter(o -> !o.done()).count();
    return "last read "
        + clock.instant()
        + ": "
        + (outcomes.size() - retry)
        + " mail(s) processed"
        + (retry > 0 ? ", 1 to try again: " + outcomes.get(outcomes.size() - 1).detail() : "");
  }

  private boolean handle(ImapMailbox.Fetched mail, List<MailOutcome> outcomes) {
    MailOutcome o =
        mail.headersOnly()
            ? processor.oversized(mail.raw(), mail.size())
            : processor.process(mail.raw());
    outcomes.add(o);
    metrics.counter("opsflow.mail.inbound", "outcome", o.kind().wire()).increment();
    if (o.done()) {
      log.info("Inbound mail {}: {}", o.kind().wire(), o.detail());
    } else {
      log.warn("Inbound mail left unread, tried again at the next poll: {}", o.detail());
    }
    return o.done();
  }
}
