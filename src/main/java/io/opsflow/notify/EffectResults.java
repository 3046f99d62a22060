package io.opsflow.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.model.Effect;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.EffectPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what delivering one effect gave, with its timeline lines: done, failed for good, or put
 * back for a retry with backoff (or the vendor's {@code Retry-After}) for up to {@link
 * #GIVE_UP_AFTER}.
 */
final class EffectResults {
  static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
  private static final String ACTOR = "opsflow:effects";

  private final EffectOutcomes outcomes;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final Runnable wake;

  EffectResults(EffectOutcomes outcomes, Clock clock, MeterRegistry metrics, Runnable wake) {
    this.outcomes = outcomes;
    this.clock = clock;
    this.metrics = metrics;
    this.wake = wake;
  }

  void done(EffectRow row, String kind, Delivered d) {
    finish(row, EffectStore.DONE, d.result(), null, d.timeline(), d.followUps());
    count(kind, "done");
  }

  void failed(EffectRow row, String kind, EffectFailure f) {
    long now = clock.millis();
    if (!f.retryable()) {
      finish(row, EffectStore.FAILED, null, f.reason(), List.of(failure(row.effect(), f)), null);
      count(kind, "failed");
      return;
    }
    boolean paced = "paced".equals(f.code());
    long delay = f.retryAfter().map(Duration::toMillis).orElse(backoff(row.attemptsBefore() + 1));
    if (!paced && now + delay - row.createdMs() > GIVE_UP_AFTER.toMillis()) {
      finish(
          row,
          EffectStore.FAILED,
          null,
          f.reason(),
          List.of(
              failure(row.effect(), f)
                  + " (gave up after "
                  + (row.attemptsBefore() + 1)
                  + " attempts)"),
          null);
      count(kind, "gave_up");
      return;
    }
    outcomes.retryLater(row.seq(), f.reason(), now + delay, paced);
    count(kind, paced ? "paced" : "retried");
  }

  private void finish(
      EffectRow row,
      String status,
      String result,
      String error,
      List<String> lines,
      EffectPlan followUps) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (String line : lines) {
      entries.add(
          new TimelineEntry(row.effect().incidentId(), clock.instant(), "effect", ACTOR, line));
    }
    outcomes.finish(
        row.seq(),
        status,
        result,
        error,
        clock.millis(),
        entries,
        followUps == null ? EffectPlan.none() : followUps);
    if (followUps != null && !followUps.effects().isEmpty()) {
      wake.run();
    }
  }

  /** 1 s, 2 s, 4 s ... capped at 10 minutes. */
  static long backoff(int attempt) {
    long ms = 1000L << Math.min(Math.max(attempt - 1, 0), 20);
    return Math.min(ms, Duration.ofMinutes(10).toMillis());
  }

  static String failure(Effect e, EffectFailure f) {
    String what =
        e instanceof Effect.OpenRoom
            ? "War room not opened"
            : e instanceof Effect.RefreshSummary
                ? "Summary in the war room not updated"
                : e instanceof Effect.Page p
                    ? "Page to " + p.person().userId() + " not sent"
                    : e instanceof Effect.Invite
                        ? "Invitations to the war room not sent"
                        : e instanceof Effect.OpenBridge
                            ? "Conference bridge not opened"
                            : e instanceof Effect.SendMail m
                                ? "Mail to " + String.join(", ", m.to()) + " not sent"
                                : "Message not posted";
    return what + ": " + f.reason();
  }

  private void count(String kind, String outcome) {
    metrics.counter("opsflow.effects", "kind", kind, "outcome", outcome).increment();
  }
}
