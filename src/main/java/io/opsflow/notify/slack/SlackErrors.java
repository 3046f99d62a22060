package io.opsflow.notify.slack;

import com.slack.api.methods.SlackApiException;
import io.opsflow.notify.model.EffectFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps what Slack answered (an {@code ok:false} error code, an HTTP status, an I/O failure) to an
 * {@link EffectFailure} whose reason is a sentence for the incident timeline.
 */
final class SlackErrors {
  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited",
          "rate_limited",
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout");

  private static final Map<String, String> EXPLANATIONS =
      Map.ofEntries(
          Map.entry("channel_not_found", "the channel was deleted or the bot cannot see it"),
          Map.entry("not_in_channel", "the bot is not a member of the channel"),
          Map.entry("is_archived", "the channel is archived"),
          Map.entry("invalid_auth", "the bot token is not valid"),
          Map.entry("not_authed", "no bot token was sent"),
          Map.entry("account_inactive", "the bot user or its workspace was deactivated"),
          Map.entry("token_revoked", "the bot token was revoked"),
          Map.entry("invalid_blocks", "Slack rejected the message layout"),
          Map.entry("msg_too_long", "the message is too long"),
          Map.entry("user_not_found", "a member id is unknown to the workspace"),
          Map.entry("users_not_found", "no member has that email address"),
          Map.entry("invalid_name", "the channel name is not allowed"),
          Map.entry("name_taken", "a channel with that name already exists"),
          Map.entry("restricted_action", "the workspace does not allow the bot to do this"),
          Map.entry("user_is_restricted", "the member is a guest and cannot be invited"),
          Map.entry("cant_update_message", "the message cannot be edited by the bot"),
          Map.entry("message_not_found", "the message to edit no longer exists"),
          Map.entry("internal_error", "Slack had an internal error"),
          Map.entry("fatal_error", "Slack had a server error"),
          Map.entry("service_unavailable", "Slack is unavailable"),
          Map.entry("request_timeout", "Slack timed out"));

  private SlackErrors() {}

  /** An {@code ok:false} answer; {@code needed} is the missing scope for missing_scope. */
  static EffectFailure fromError(
      String method, String code, String needed, Map<String, List<String>> headers) {
    String error = code == null || code.isBlank() ? "unknown_error" : code;
    if (TRANSIENT.contains(error)) {
      Optional<Duration> wait = retryAfter(headers);
      return EffectFailure.retry(error, retrySentence(method, error, wait), wait.orElse(null));
    }
    return EffectFailure.permanent(error, refusal(method, error, needed));
  }

  /** A non-2xx HTTP answer, which the SDK throws as {@link SlackApiException}. */
  static EffectFailure fromException(String method, SlackApiException e) {
    int status = e.getResponse() == null ? 0 : e.getResponse().code();
    Optional<Duration> wait =
        e.getResponse() == null ? Optional.empty() : seconds(e.getResponse().header("Retry-After"));
    String bodyError = e.getError() == null ? null : e.getError().getError();
    if (status == 429) {
      return EffectFailure.retry(
          "ratelimited", retrySentence(method, "ratelimited", wait), wait.orElse(null));
    }
    if (status >= 500 || status == 408) {
      String code = "http_" + status;
      return EffectFailure.retry(
          code,
          "Slack answered HTTP " + status + " to " + method + "; it will be tried again",
          wait.orElse(null));
    }
    if (bodyError != null) {
      return fromError(method, bodyError, e.getError().getNeeded(), Map.of());
    }
    return EffectFailure.permanent(
        "http_" + status, "Slack refused " + method + " with HTTP " + status);
  }

  /** The network failed (refused, reset, timed out): worth another try. */
  static EffectFailure fromIo(String method, IOException e) {
    return EffectFailure.retry(
        "io",
        "Slack could not be reached for "
            + method
            + " ("
            + e.getClass().getSimpleName()
            + "); it will be tried again",
        e);
  }

  private static String refusal(String method, String code, String needed) {
    if ("missing_scope".equals(code)) {
      String scope = needed == null || needed.isBlank() ? "an additional scope" : needed;
      return "Slack refused "
          + method
          + ": missing_scope (the Slack app needs the "
          + scope
          + " scope; add it and reinstall the app)";
    }
    String why = EXPLANATIONS.getOrDefault(code, "an error opsflow does not know");
    return "Slack refused " + method + ": " + code + " (" + why + ")";
  }

  private static String retrySentence(String method, String code, Optional<Duration> wait) {
    String what =
        code.contains("rate")
            ? "Slack rate-limited " + method
            : "Slack failed " + method + ": " + code + " (" + EXPLANATIONS.get(code) + ")";
    return what
        + wait.map(d -> "; retrying after " + d.toSeconds() + " s")
            .orElse("; it will be tried again");
  }

  static Optional<Duration> retryAfter(Map<String, List<String>> headers) {
    if (headers == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if ("retry-after".equalsIgnoreCase(h.getKey()) && !h.getValue().isEmpty()) {
        return seconds(h.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  private static Optional<Duration> seconds(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    try {
      long s = Long.parseLong(raw.trim());
      return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
