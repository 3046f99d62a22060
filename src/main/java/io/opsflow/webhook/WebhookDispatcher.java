package io.opsflow.webhook;

import io.opsflow.db.Drainer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due webhook deliveries. At most one delivery per incident and subscription is in flight,
 * and the next waits until the one before is delivered or dropped. A failure is retried with the
 * policy's backoff (or the receiver's {@code Retry-After}, on 429/503) until the policy gives up.
 */
public final class WebhookDispatcher extends Drainer {
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final WebhookStore store;
  private final WebhookSender sender;
  private final WebhookPolicy policy;
  private final Clock clock;

  public WebhookDispatcher(WebhookStore store, WebhookPolicy policy, Clock clock) {
    super("opsflow-webhooks", Math.max(50, Math.min(1000, policy.firstRetry().toMillis() / 2)));
    this.store = store;
    this.sender = new WebhookSender(policy.timeout(), policy.allowPrivate());
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  protected int drainOnce() {
    long now = clock.millis();
    List<WebhookDeliveryRow> due = store.due(now, 200);
    List<CompletableFuture<Void>> sent = new ArrayList<>(due.size());
    for (WebhookDeliveryRow d : due) {
      WebhookSender.Delivery request =
          new WebhookSender.Delivery(
              d.subscription().url(),
              d.id(),
              d.eventType(),
              d.body(),
              d.subscription().signingSecrets(now));
      sent.add(sender.send(request, now / 1000).thenAccept(o -> record(d, o)));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    return due.size();
  }

  private void record(WebhookDeliveryRow d, WebhookSender.Outcome o) {
    long now = clock.millis();
    if (o.delivered()) {
      store.delivered(d, now);
      return;
    }
    Duration delay = o.retryAfter().orElseGet(() -> policy.delayAfter(d.attempts() + 1));
    long next = now + delay.toMillis();
    if (next - d.createdMs() > policy.giveUpAfter().toMillis()) {
      log.warn(
          "webhook delivery {} to subscription {} dropped after {} attempts: {}",
          d.id(),
          d.subscription().id(),
          d.attempts() + 1,
          o.error());
      store.dropped(d, o.error(), now, policy.dropsToDisable());
    } else {
      store.retryLater(d, o.error(), next);
    }
  }
}
