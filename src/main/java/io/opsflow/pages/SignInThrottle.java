package io.opsflow.pages;

import io.javalin.http.Context;
import io.opsflow.access.SignInFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Slows down password guessing: after {@code limit} failed sign-ins of one subject (the digest of a
 * mail address, or a client address) within {@code window}, the subject is refused until the oldest
 * of those failures leaves the window. Known and unknown addresses are counted alike, so the
 * refusal tells nothing. The failures are kept in the database, so every instance counts the same
 * ones and a restart forgets none; those out of the window are pruned now and then.
 */
final class SignInThrottle {
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final SignInFailures store;
  private final Clock clock;
  private final String scope;
  private final int limit;
  private final Duration window;
  private volatile Instant nextSweep = Instant.MIN;

  SignInThrottle(SignInFailures store, Clock clock, String scope, int limit, Duration window) {
    this.store = store;
    this.clock = clock;
    this.scope = scope;
    this.limit = limit;
    this.window = window;
  }

  /** How long the subject must wait before trying again; zero when it may try now. */
  Duration wait(String subject) {
    Instant now = now();
    List<Instant> latest = store.latest(scope, subject, now.minus(window), now, limit);
    if (latest.size() < limit) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, latest.get(limit - 1).plus(window));
    return left.isNegative() ? Duration.ZERO : left;
  }

  void failed(String subject) {
    Instant now = now();
    sweep(now);
    store.add(scope, subject, now);
  }

  void succeeded(String subject) {
    store.clear(scope, subject);
  }

  private void sweep(Instant now) {
    if (now.isAfter(nextSweep)) {
      nextSweep = now.plus(SWEEP_EVERY);
      store.prune(scope, now.minus(window));
    }
  }

  /** Milliseconds are enough, and every database keeps them exactly. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  static Duration longest(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** The client's address as the throttle keys it (an IPv6 address with a long zone is cut). */
  static String client(Context ctx) {
    String ip = ctx.ip();
    return ip.length() <= 100 ? ip : ip.substring(0, 100);
  }

  /** Whole seconds, rounded up: what {@code Retry-After} says. */
  static long seconds(Duration wait) {
    return Math.max(1, wait.plusMillis(999).toSeconds());
  }

  static String tooMany(Duration wait) {
    long minutes = Math.max(1, (seconds(wait) + 59) / 60);
    return "Too many failed sign-ins. Try again in " + minutes + " minute(s).";
  }
}
