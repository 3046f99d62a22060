package io.opsflow.webhook;

import java.time.Duration;

/**
 * How deliveries are retried: the first retry after {@code firstRetry}, each next one after twice
 * the previous delay (at most {@code maxDelay}), given up {@code giveUpAfter} after the event was
 * recorded; {@code dropsToDisable} drops in a row disable the subscription.
 */
public record WebhookPolicy(
    Duration firstRetry,
    Duration maxDelay,
    Duration giveUpAfter,
    int dropsToDisable,
    Duration timeout,
    boolean allowPrivate) {

  /** 30 s doubling up to 1 h, for 48 h; 5 drops in a row disable; 10 s per request. */
  public static WebhookPolicy standard() {
    return of(Duration.ofSeconds(30), Duration.ofHours(48));
  }

  /**
   * The standard policy with other retry timings (the delay cap stays 120 first retries, ≤ 1 h).
   */
  public static WebhookPolicy of(Duration firstRetry, Duration giveUpAfter) {
    return of(firstRetry, giveUpAfter, false);
  }

  /**
   * As {@link #of(Duration, Duration)}; {@code allowPrivate} lets targets be internal addresses.
   */
  public static WebhookPolicy of(Duration firstRetry, Duration giveUpAfter, boolean allowPrivate) {
    Duration cap = firstRetry.multipliedBy(120);
    if (cap.compareTo(Duration.ofHours(1)) > 0) {
      cap = Duration.ofHours(1);
    }
    return new WebhookPolicy(firstRetry, cap, giveUpAfter, 5, Duration.ofSeconds(10), allowPrivate);
  }

  /** The delay after the given number of failed attempts (1 = the first failure). */
  public Duration delayAfter(int failures) {
    Duration d = firstRetry;
    for (int i = 1; i < failures && d.compareTo(maxDelay) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }
}
