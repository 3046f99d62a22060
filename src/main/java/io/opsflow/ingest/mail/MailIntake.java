package io.opsflow.ingest.mail;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the support mailbox every {@code poll}: each unseen mail goes through the {@link
 * MailProcessor} and is marked seen once it is done with, that is once its ticket command is on
 * Kafka (or it was dropped, refused or quarantined). The first mail that must be tried again stops
 * the round, so mail is taken in the order it arrived.
 */
public final class MailIntake implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
  private static final int BATCH = 50;

  private final ImapSettings settings;
  private final ImapMailbox mailbox;
  private final MailProcessor processor;
  private final Duration poll;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "opsflow-mail-intake");
            t.setDaemon(true);
            return t;
          });
  private volatile String status = "not polled yet";

  public MailIntake(
      ImapSettings settings,
      MailProcessor processor,
      Duration poll,
      MeterRegistry metrics,
      Clock clock) {
    this.settings = settings;
    this.mailbox = new ImapMailbox(settings);
    this.processor = processor;
    this.poll = poll;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Polls now and then every {@code poll}, until closed. */
  public MailIntake start() {
    timer.scheduleWithFixedDelay(this::pollQuietly, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Reading mail from {} every {}", settings.safeUrl(), poll);
    return this;
  }

  /**
   * One round: every unseen mail, in batches, until none is left or one must be tried again.
   *
   * @return what became of each mail handled
   * @throws Exception when the mailbox cannot be read
   */
  public synchronized List<MailOutcome> pollOnce() throws Exception {
    List<MailOutcome> outcomes = new ArrayList<>();
    int handled;
    do {
      int before = outcomes.size();
      handled = mailbox.drain(BATCH, mail -> handle(mail, outcomes));
      if (outcomes.size() > before && !outcomes.get(outcomes.size() - 1).done()) {
        break;
      }
    } while (handled == BATCH);
    long retry = outcomes.stream().filter(o -> !o.done()).count();
    status =
        "last read "
            + clock.instant()
            + ": "
            + (outcomes.size() - retry)
            + " mail(s) processed"
            + (retry > 0 ? ", 1 to try again: " + outcomes.get(outcomes.size() - 1).detail() : "");
    return outcomes;
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

  private void pollQuietly() {
    try {
      pollOnce();
    } catch (Exception e) {
      status = "last read " + clock.instant() + " failed: " + e;
      log.warn("Reading mail from {} failed: {}", settings.safeUrl(), e.toString());
    }
  }

  /** For {@code /health}: where mail is read from and how the last round went. */
  public String status() {
    return "configured: " + settings.safeUrl() + " every " + poll + "; " + status;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
