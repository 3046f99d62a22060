package io.opsflow.escalation.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On-call as configuration: users, schedules and escalation policies read from one directory and
 * reloaded without a restart. Reloading is all or nothing: a configuration with any problem is
 * refused and the snapshot in force stays as it was. {@link #watch} re-reads the directory when a
 * file in it changes.
 */
public final class OnCallConfig implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OnCallConfig.class);

  private final Path dir;
  private final Clock clock;
  private final AtomicReference<OnCallSnapshot> inForce;
  private final Object reloading = new Object();
  private volatile List<String> fingerprint = List.of();
  private ScheduledExecutorService watcher;

  public OnCallConfig(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
    this.inForce = new AtomicReference<>(OnCallSnapshot.empty(clock.instant()));
  }

  /** Loads the directory once; a missing directory or a refused configuration is logged. */
  public static OnCallConfig start(Path dir, Clock clock) {
    OnCallConfig config = new OnCallConfig(dir, clock);
    if (!Files.isDirectory(dir)) {
      log.info("on-call directory {} does not exist: no users, schedules or policies", dir);
    }
    List<String> problems = config.reload();
    if (problems.isEmpty()) {
      log.info("on-call configuration loaded from {}: {}", dir, config.counts());
    }
    return config;
  }

  public Path directory() {
    return dir;
  }

  /** The configuration in force. */
  public OnCallSnapshot snapshot() {
    return inForce.get();
  }

  /**
   * Reads the directory again and puts the result in force when it has no problem; otherwise
   * returns (and logs) the problems as {@code file:line: reason}, the previous snapshot in force.
   */
  public List<String> reload() {
    synchronized (reloading) {
      fingerprint = fingerprint();
      OnCallLoader.Outcome outcome = OnCallLoader.load(dir, clock.instant());
      if (outcome.problems().isEmpty()) {
        inForce.set(outcome.snapshot());
        return List.of();
      }
      log.warn(
          "on-call configuration in {} refused, the previous one stays in force: {} problem(s)",
          dir,
          outcome.problems().size());
      outcome.problems().forEach(p -> log.warn("{}", p));
      return outcome.problems();
    }
  }

  /** Checks the files' modification times every {@code period}; reloads when they changed. */
  public synchronized void watch(Duration period) {
    if (watcher != null) {
      return;
    }
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "opsflow-oncall-reload");
              t.setDaemon(true);
              return t;
            });
    long ms = period.toMillis();
    watcher.scheduleWithFixedDelay(this::reloadIfChanged, ms, ms, TimeUnit.MILLISECONDS);
  }

  void reloadIfChanged() {
    try {
      if (!fingerprint().equals(fingerprint) && reload().isEmpty()) {
        log.info("on-call configuration reloaded from {}: {}", dir, counts());
      }
    } catch (RuntimeException e) {
      log.warn("on-call reload of {} failed: {}", dir, e.toString());
    }
  }

  /** Users, schedules and policies in force, for logs and answers. */
  public String counts() {
    OnCallSnapshot s = snapshot();
    return s.users().size()
        + " users, "
        + s.schedules().size()
        + " schedules, "
        + s.policies().size()
        + " policies";
  }

  private List<String> fingerprint() {
    List<String> entries = new ArrayList<>();
    for (Path file : OnCallLoader.allFiles(dir)) {
      try {
        entries.add(
            file + "@" + Files.getLastModifiedTime(file).toMillis() + "+" + Files.size(file));
      } catch (IOException e) {
        entries.add(file + "@?");
      }
    }
    return entries;
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.shutdownNow();
      watcher = null;
    }
  }
}
