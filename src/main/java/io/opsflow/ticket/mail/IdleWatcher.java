package io.opsflow.ticket.mail;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that reads the mailbox whenever it changes: it waits in IMAP IDLE ({@link ImapIdle}),
 * calls {@code read} after every wake-up and waits again. After a failure it connects again after a
 * pause that doubles from a second up to five minutes; a server without IDLE ends it (the poll
 * reads in both cases).
 */
final class IdleWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IdleWatcher.class);
  private static final Duration FIRST_RECONNECT = Duration.ofSeconds(1);
  private static final Duration RECONNECT_AT_MOST = Duration.ofMinutes(5);

  /** How long {@link #close()} waits for the thread to end on its own, then once more. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final ImapSettings settings;
  private final Duration wakeEvery;
  private final Runnable read;
  private final Thread thread = new Thread(this::watch, "opsflow-mail-idle");
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean closed;
  private volatile ImapIdle idle;

  /** {@code wakeEvery}: how often {@link #wake()} will be called, for the connection's timeout. */
  IdleWatcher(ImapSettings settings, Duration wakeEvery, Runnable read) {
    this.settings = settings;
    this.wakeEvery = wakeEvery;
    this.read = read;
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Whether it is connected and waits in IDLE between reads. */
  boolean idling() {
    return idle != null;
  }

  /** Ends the running IDLE, so the mailbox is read and IDLE issued anew; else does nothing. */
  void wake() {
    ImapIdle current = idle;
    if (current != null) {
      current.wake();
    }
  }

  private void watch() {
    Duration pause = FIRST_RECONNECT;
    while (!closed) {
      try {
        Optional<ImapIdle> opened = ImapIdle.open(settings, wakeEvery);
        if (opened.isEmpty()) {
          log.info("{} does not announce IDLE: the mailbox is polled", settings.safeUrl());
          return;
        }
        try (ImapIdle current = opened.get()) {
          idle = current;
          while (!closed) {
            read.run();
            if (!closed) {
              current.await();
              pause = FIRST_RECONNECT;
            }
          }
        } finally {
          idle = null;
        }
      } catch (MessagingException | RuntimeException e) {
        if (closed) {
          return;
        }
        log.warn(
            "Waiting in IDLE on {} failed, the mailbox is polled until it is back (next try in {}):"
                + " {}",
            settings.safeUrl(),
            pause,
            e.toString());
        pause(pause);
        pause = pause.multipliedBy(2);
        pause = pause.compareTo(RECONNECT_AT_MOST) < 0 ? pause : RECONNECT_AT_MOST;
      }
    }
  }

  private void pause(Duration d) {
    try {
      closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /**
   * Stops: the IDLE is ended (the server is told DONE, then the connection logged out) and the
   * thread gets a few seconds to finish a read under way; then it is interrupted, and given up on
   * after a few more seconds (a read on a dead connection ends at its timeout, in a daemon thread).
   */
  @Override
  public void close() {
    closed = true;
    closing.countDown();
    ImapIdle current = idle;
    if (current != null) {
      Thread waker = new Thread(current::wake, "opsflow-mail-idle-stop");
      waker.setDaemon(true);
      waker.start();
    }
    try {
      thread.join(STOP_WAIT.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(STOP_WAIT.toMillis());
      }
      if (thread.isAlive()) {
        log.warn("Waiting in IDLE on {} did not stop; left to its timeout", settings.safeUrl());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
