package io.opsflow.ticket.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.http.Failures;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the support mailbox: each unseen mail goes through the {@link MailProcessor} and is marked
 * seen once it is done with, that is once its ticket command is on Kafka (or it was dropped,
 * refused or quarantined). The first mail that must be tried again stops the round, so mail is
 * taken in the order it arrived.
 *
 * <p>When the server announces IMAP IDLE, a watcher waits in IDLE on the folder ({@link ImapIdle})
 * and reads the mailbox as soon as a mail arrives, and again at least every {@code poll} (capped at
 * {@link #IDLE_AT_MOST}, as servers end an IDLE after 30 minutes) as a safety net. Without IDLE, or
 * while its connection is down, the mailbox is polled every {@code poll}.
 */
public final class MailIntake implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

  /** How long one IDLE lasts at most before it is re-issued (and the mailbox read). */
  static final Duration IDLE_AT_MOST = Duration.ofMinutes(10);

  private final ImapSettings settings;
  private final MailRound round;
  private final Duration poll;
  private final Duration idleAtMost;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "opsflow-mail-intake");
            t.setDaemon(true);
            return t;
          });
  private final IdleWatcher watcher;
  private volatile boolean closed;
  private volatile String status = "not polled yet";

  public MailIntake(
      ImapSettings settings,
      MailProcessor processor,
      Duration poll,
      MeterRegistry metrics,
      Clock clock) {
    this.settings = settings;
    this.round = new MailRound(new ImapMailbox(settings), processor, metrics, clock);
    this.poll = poll;
    this.idleAtMost = poll.compareTo(IDLE_AT_MOST) < 0 ? poll : IDLE_AT_MOST;
    this.clock = clock;
    this.watcher = new IdleWatcher(settings, idleAtMost, this::pollQuietly);
  }

  /**
   * Reads the mailbox now, then on every arrival where the server has IDLE, and at least every
   * {@code poll}, until closed.
   */
  public MailIntake start() {
    watcher.start();
    timer.scheduleWithFixedDelay(this::pollUnlessIdling, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(
        watcher::wake, idleAtMost.toMillis(), idleAtMost.toMillis(), TimeUnit.MILLISECONDS);
    log.info(
        "Reading mail from {} every {}, and at once on arrival where the server has IDLE",
        settings.safeUrl(),
        poll);
    return this;
  }

  /** The poll, for servers without IDLE and while the IDLE connection is down. */
  private void pollUnlessIdling() {
    if (!watcher.idling()) {
      pollQuietly();
    }
  }

  /**
   * One round: every unseen mail, in batches, until none is left or one must be tried again.
   *
   * @return what became of each mail handled
   * @throws Exception when the mailbox cannot be read
   */
  public synchronized List<MailOutcome> pollOnce() throws Exception {
    List<MailOutcome> outcomes = round.run(() -> closed);
    status = round.summary(outcomes);
    return outcomes;
  }

  private void pollQuietly() {
    try {
      pollOnce();
    } catch (Exception e) {
      String id = Failures.logged("reading mail from " + settings.safeUrl(), e);
      status =
          "last read "
              + clock.instant()
              + " failed: "
              + MailFailure.reason(e)
              + "; see the log under error id "
              + id;
    }
  }

  /** For {@code /health}: where mail is read from and how the last round went. */
  public String status() {
    return "configured: "
        + settings.safeUrl()
        + " every "
        + poll
        + (watcher.idling() ? " and on arrival (IMAP IDLE)" : "")
        + "; "
        + status;
  }

  /** Whether mail is read on arrival: connected, and waiting in IDLE between reads. */
  public boolean idling() {
    return watcher.idling();
  }

  /** Stops reading: the IDLE is ended ({@link IdleWatcher#close()}), the poll stopped. */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    watcher.close();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
