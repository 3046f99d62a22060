package io.opsflow.notify.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an external effect (a Slack post, a Zoom meeting, a mail) did not happen. Adapters map their
 * vendor's errors to this, so nothing above them sees a vendor exception. {@link Kind#RETRY} means
 * try again later (after {@link #retryAfter()} when the vendor said so); {@link Kind#PERMANENT}
 * means the same request will not succeed, and the reason goes on the timeline.
 */
public final class EffectFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** Whether trying again can help. */
  public enum Kind {
    RETRY,
    PERMANENT
  }

  private final Kind kind;
  private final String code;
  private final transient Optional<Duration> retryAfter;

  private EffectFailure(
      Kind kind, String code, String reason, Duration retryAfter, Throwable cause) {
    super(reason, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = code == null ? "" : code;
    this.retryAfter = Optional.ofNullable(retryAfter);
  }

  /** A transient failure (network, 5xx, rate limit); {@code retryAfter} may be null. */
  public static EffectFailure retry(String code, String reason, Duration retryAfter) {
    return new EffectFailure(Kind.RETRY, code, reason, retryAfter, null);
  }

  /** A transient failure caused by {@code cause} (a connection refused, a timeout). */
  public static EffectFailure retry(String code, String reason, Throwable cause) {
    return new EffectFailure(Kind.RETRY, code, reason, null, cause);
  }

  /** A failure that repeating the same request will not fix (bad auth, unknown channel). */
  public static EffectFailure permanent(String code, String reason) {
    return new EffectFailure(Kind.PERMANENT, code, reason, null, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The vendor's error code ({@code channel_not_found}, {@code ratelimited}, {@code http_503}). */
  public String code() {
    return code;
  }

  /** A sentence for the timeline, without secrets. */
  public String reason() {
    return getMessage();
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  public boolean retryable() {
    return kind == Kind.RETRY;
  }
}
