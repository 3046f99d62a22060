package io.opsflow.slack;

import io.opsflow.db.Drainer;
import io.opsflow.slack.reply.SlackReplyOutbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the due answers of {@code slack_reply}. Each is claimed first (attempts counted before the
 * post), posted, and marked sent; what may pass later is retried with backoff (1 s, doubling, or
 * Slack's {@code Retry-After}) within Slack's limits for a {@code response_url}: 5 posts, 30
 * minutes. Requests whose work never came are expired after the same 30 minutes.
 */
final class ResponseUrlDispatcher extends Drainer {
  private static final Logger log = LoggerFactory.getLogger(ResponseUrlDispatcher.class);
  static final Duration WINDOW = Duration.ofMinutes(30);
  static final int MAX_ATTEMPTS = 5;
  private static final long LEASE_MS = 30_000;

  private final SlackReplyOutbox replies;
  private final ResponseUrls urls;
  private final ReplyText text;
  private final ResponseUrlSender sender = new ResponseUrlSender();
  private final Clock clock;
  private long nextExpiry;

  ResponseUrlDispatcher(SlackReplyOutbox replies, ResponseUrls urls, ReplyText text, Clock clock) {
    super("opsflow-slack-replies", 250);
    this.replies = replies;
    this.urls = urls;
    this.text = text;
    this.clock = clock;
  }

  @Override
  protected int drainOnce() {
    long now = clock.millis();
    if (now >= nextExpiry) {
      replies.expire(now - WINDOW.toMillis(), now);
      nextExpiry = now + 60_000;
    }
    List<SlackReplyOutbox.Due> due = replies.claimDue(now, LEASE_MS, 20);
    for (SlackReplyOutbox.Due d : due) {
      deliver(d);
    }
    return due.size();
  }

  private void deliver(SlackReplyOutbox.Due d) {
    String id = d.request().id();
    long now = clock.millis();
    if (now - d.createdMs() > WINDOW.toMillis()) {
      replies.failed(id, "response_url expired (older than 30 minutes)", now);
      return;
    }
    if (!urls.allowed(d.request().responseUrl())) {
      replies.failed(id, "response_url is not a Slack address", now);
      return;
    }
    ResponseUrlSender.Outcome o = sender.post(d.request().responseUrl(), text.render(d));
    now = clock.millis();
    if (o.sent()) {
      replies.sent(id, now);
      return;
    }
    int attempts = d.attemptsBefore() + 1;
    long next =
        now + o.retryAfter().orElse(Duration.ofSeconds(1L << Math.min(attempts - 1, 6))).toMillis();
    if (!o.retryable() || attempts >= MAX_ATTEMPTS || next - d.createdMs() > WINDOW.toMillis()) {
      log.warn("Slack answer {} not delivered after {} attempt(s): {}", id, attempts, o.error());
      replies.failed(id, o.error(), now);
    } else {
      replies.retryAt(id, o.error(), next);
    }
  }
}
