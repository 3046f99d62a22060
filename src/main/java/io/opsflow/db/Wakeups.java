package io.opsflow.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pollers to wake after a commit that wrote to their outbox, registered as they start: those of
 * the outboxes of events and effects, and the dispatcher of the process engine's messages.
 */
public final class Wakeups {
  private final List<Runnable> outboxes = new CopyOnWriteArrayList<>();
  private final List<Runnable> engine = new CopyOnWriteArrayList<>();

  /** Registers a poller of an outbox the process steps write to. */
  public void outbox(Runnable wake) {
    outboxes.add(wake);
  }

  /** Registers the poller of the engine's messages. */
  public void engine(Runnable wake) {
    engine.add(wake);
  }

  /** Wakes the outboxes' pollers (after a process step). */
  public Runnable outboxes() {
    return () -> outboxes.forEach(Runnable::run);
  }

  /** Wakes the engine's dispatcher alone. */
  public Runnable engine() {
    return () -> engine.forEach(Runnable::run);
  }

  /** Wakes every poller (after a record is handled). */
  public Runnable all() {
    return () -> {
      outboxes.forEach(Runnable::run);
      engine.forEach(Runnable::run);
    };
  }
}
