package io.opsflow.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code limit} failed sign-ins for one key (a mail address, or
 * a client address) within {@code window}, that key is refused until the oldest failure leaves the
 * window. Known and unknown addresses are counted alike, so the refusal tells nothing. Kept in
 * memory, per instance.
 */
final class SignInThrottle {
  private static final int MAX_KEYS = 10_000;

  private final Clock clock;
  private final int limit;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  SignInThrottle(Clock clock, int limit, Duration window) {
    this.clock = clock;
    this.limit = limit;
    this.window = window;
  }

  /** How long the key must wait before trying again; zero when it may try now. */
  Duration wait(String key) {
    Deque<Instant> d = failures.get(key);
    if (d == null) {
      return Duration.ZERO;
    }
    synchronized (d) {
      Instant now = clock.instant();
      prune(d, now);
      if (d.size() < limit) {
        return Duration.ZERO;
      }
      return Duration.between(now, d.peekFirst().plus(window));
    }
  }

  void failed(String key) {
    if (failures.size() >= MAX_KEYS) {
      Instant now = clock.instant();
      failures.values().removeIf(d -> forgotten(d, now));
    }
    Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (d) {
      d.addLast(clock.instant());
      while (d.size() > limit) {
        d.removeFirst();
      }
    }
  }

  void succeeded(String key) {
    failures.remove(key);
  }

  private boolean forgotten(Deque<Instant> d, Instant now) {
    synchronized (d) {
      prune(d, now);
      return d.isEmpty();
    }
  }

  private void prune(Deque<Instant> d, Instant now) {
    while (!d.isEmpty() && !d.peekFirst().plus(window).isAfter(now)) {
      d.removeFirst();
    }
  }
}
