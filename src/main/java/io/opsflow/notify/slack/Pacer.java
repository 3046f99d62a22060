package io.opsflow.notify.slack;

import io.opsflow.notify.model.EffectFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack allows about one message a second per channel. Instead of sleeping, a post or update that
 * comes too soon after the previous one on its channel fails with a retry after the remaining time,
 * so the caller reschedules it (and may coalesce several updates into one).
 */
final class Pacer {
  static final Duration GAP = Duration.ofSeconds(1);

  private final Clock clock;
  private final Map<String, Instant> lastSend = new ConcurrentHashMap<>();

  Pacer(Clock clock) {
    this.clock = clock;
  }

  /** Reserves the channel for a send now, or throws {@code paced} with the time left. */
  void reserve(String channelId, String method) throws EffectFailure {
    Instant now = clock.instant();
    Duration[] wait = {Duration.ZERO};
    lastSend.compute(
        channelId,
        (id, last) -> {
          if (last != null && now.isBefore(last.plus(GAP))) {
            wait[0] = Duration.between(now, last.plus(GAP));
            return last;
          }
          return now;
        });
    if (!wait[0].isZero()) {
      throw EffectFailure.retry(
          "paced",
          "Slack allows one message a second per channel; "
              + method
              + " on "
              + channelId
              + " waits "
              + wait[0].toMillis()
              + " ms",
          wait[0]);
    }
  }
}
