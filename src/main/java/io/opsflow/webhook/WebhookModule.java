package io.opsflow.webhook;

import io.javalin.config.RoutesConfig;
import io.opsflow.access.AccessModule;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.config.Platform;
import io.opsflow.http.Routed;
import io.opsflow.kafka.Subscribed;
import io.opsflow.kafka.Subscription;
import io.opsflow.kafka.Topics;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Outgoing webhooks: the subscriptions' routes, the handler that queues each event of {@code
 * opsflow.events} for them, and the dispatcher that delivers and retries.
 */
public final class WebhookModule implements AutoCloseable, Routed, Subscribed {
  public static final String WEBHOOKS_GROUP = "opsflow-webhooks";

  private final Parts p;
  private final OpsflowConfig config;
  private final Clock clock;
  private final WebhookStore store;
  private final WebhookDispatcher dispatcher;

  /** What webhooks need; the configuration gives the retry policy and private targets. */
  public record Parts(Platform platform, AccessModule access) {}

  private WebhookModule(Parts p) {
    this.p = p;
    this.config = p.platform().config();
    this.clock = p.platform().clock();
    this.store = new WebhookStore(p.platform().db());
    this.dispatcher =
        new WebhookDispatcher(
            store,
            WebhookPolicy.of(
                config.webhookFirstRetry(),
                config.webhookGiveUpAfter(),
                config.webhookAllowPrivate()),
            clock);
  }

  /** Starts the dispatcher. */
  public static WebhookModule start(Parts p) {
    WebhookModule m = new WebhookModule(p);
    m.dispatcher.start();
    return m;
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    return List.of(
        new WebhookRoutes(
                p.access().auth(),
                store,
                dispatcher::wake,
                clock,
                config.webhookAllowPrivate(),
                p.access().audit())
            ::register);
  }

  @Override
  public List<Subscription> subscriptions() {
    return List.of(
        Subscription.of(
            WEBHOOKS_GROUP,
            Topics.EVENTS,
            new WebhookRecordHandler(WEBHOOKS_GROUP, p.platform().db(), dispatcher::wake, clock)));
  }

  @Override
  public void close() {
    dispatcher.close();
  }
}
