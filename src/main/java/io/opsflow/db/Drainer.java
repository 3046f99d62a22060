package io.opsflow.db;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background thread that drains an outbox: woken at once after a commit that wrote to it, and
 * every {@code idleMillis} regardless, so rows left by a crash are picked up after a restart.
 */
public abstract class Drainer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Drainer.class);

  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private final long idleMillis;
  private volatile boolean running = true;

  protected Drainer(String name, long idleMillis) {
    this.idleMillis = idleMillis;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Asks for a drain soon; cheap, safe from any thread. */
  public void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /** Drains what is there now; returns how many rows were handled. */
  protected abstract int drainOnce() throws Exception;

  private void loop() {
    long backoff = 0;
    while (running) {
      try {
        int handled = drainOnce();
        backoff = 0;
        if (handled == 0) {
          wake.tryAcquire(idleMillis, TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        backoff = Math.min(backoff == 0 ? 200 : backoff * 2, 10_000);
        log.warn("{} failed, retrying in {} ms: {}", thread.getName(), backoff, e.toString());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Finishes the drain in progress, then stops. */
  @Override
  public void close() {
    running = false;
    wake.release();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
