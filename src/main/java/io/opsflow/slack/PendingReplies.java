package io.opsflow.slack;

import io.opsflow.http.ApiException;
import io.opsflow.slack.reply.SlackReplies;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The HTTP side of an answer posted later: checks the request's {@code response_url}, writes the
 * waiting row, then publishes the work (a request without a {@code response_url} only publishes). A
 * publish that is refused (404, 409, 400) leaves no row; one that timed out keeps it, since the
 * record may still land and be applied.
 */
final class PendingReplies {
  static final String TICKET_OPEN = "ticket_open";
  static final String TICKET_RESOLVE = "ticket_resolve";
  static final String INCIDENT_DECLARE = "incident_declare";
  static final String INCIDENT_ACK = "incident_ack";
  static final String INCIDENT_RESOLVE = "incident_resolve";
  static final String INCIDENT_PRIORITY = "incident_priority";

  private final SlackReplies replies;
  private final ResponseUrls urls;
  private final Clock clock;

  PendingReplies(SlackReplies replies, ResponseUrls urls, Clock clock) {
    this.replies = replies;
    this.urls = urls;
    this.clock = clock;
  }

  /**
   * Publishes the work with a waiting answer for it.
   *
   * @param waitKey what the consumer settles when it applies the work
   * @param subject what the answer is about (ticket id, incident id, dedup key)
   */
  <T> T publish(
      SlackUser user,
      SlackRequest request,
      String waitKey,
      String kind,
      String subject,
      Supplier<T> publish) {
    if (request.responseUrl() == null || request.responseUrl().isBlank()) {
      return publish.get(); // nowhere to answer later (Slack always sends one; hand-made requests)
    }
    if (!urls.allowed(request.responseUrl())) {
      throw SlashCommand.Refusal.because(
          "This request's response_url is not a Slack address; nothing was done.");
    }
    String id = UUID.randomUUID().toString();
    replies.expect(
        new SlackReplies.Request(
            id, waitKey, kind, subject, user.scope(), user.actor(), request.responseUrl()),
        clock.millis());
    try {
      return publish.get();
    } catch (ApiException e) {
      if (e.status() != 503) {
        replies.cancel(id);
      }
      throw e;
    } catch (RuntimeException e) {
      replies.cancel(id);
      throw e;
    }
  }
}
