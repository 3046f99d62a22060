package io.opsflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alert intake: the Alertmanager webhook and the PagerDuty Events API v2. A request is validated,
 * wrapped in a CloudEvent and written to {@code opsflow.alerts}; 202 only once the broker has it.
 * Nothing is written for a request that is refused.
 */
public final class IntakeRoutes {
  private final Authenticator auth;
  private final Publisher publisher;

  public IntakeRoutes(Authenticator auth, Publisher publisher) {
    this.auth = auth;
    this.publisher = publisher;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/integrations/alertmanager", this::alertmanager);
    routes.post("/api/v1/events", this::pagerDuty);
    routes.post("/v2/enqueue", this::pagerDuty);
  }

  private void alertmanager(Context ctx) {
    Principal integration = auth.requireIntegration(Http.bearer(ctx));
    byte[] raw = Http.body(ctx);
    JsonNode body = Http.parse(raw);
    String groupKey;
    try {
      groupKey = AlertmanagerFormat.validate(body);
    } catch (InvalidPayloadException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    CloudEvent event = envelope(EnvelopeTypes.ALERTMANAGER, integration, groupKey, raw);
    publisher.publish(Topics.ALERTS, integration.tokenId() + ":" + groupKey, event);
    Http.json(ctx, 202, Map.of("status", "accepted", "id", event.id()));
  }

  private void pagerDuty(Context ctx) {
    byte[] raw = Http.body(ctx);
    JsonNode body;
    try {
      body = Http.parse(raw);
    } catch (ApiException e) {
      throw pdError(e.getMessage());
    }
    if (!body.isObject()) {
      throw pdError("body must be a JSON object");
    }
    String routingKey = body.path("routing_key").asText(null);
    if (routingKey == null || routingKey.isBlank()) {
      routingKey = Http.bearer(ctx);
    }
    Principal integration = auth.requireIntegration(routingKey);
    try {
      PagerDutyFormat.validate(body);
    } catch (InvalidPayloadException e) {
      throw pdError(e.getMessage());
    }
    String dedupKey = body.path("dedup_key").asText("");
    if (dedupKey.isBlank()) {
      dedupKey = UUID.randomUUID().toString().replace("-", "");
    }
    // the routing key is the integration's secret: it never goes onto the log
    ObjectNode stored = ((ObjectNode) body).deepCopy();
    stored.remove("routing_key");
    CloudEvent event =
        envelope(
            EnvelopeTypes.PAGERDUTY,
            integration,
            dedupKey,
            stored.toString().getBytes(StandardCharsets.UTF_8));
    publisher.publish(Topics.ALERTS, integration.tokenId() + ":" + dedupKey, event);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", "success");
    answer.put("message", "Event processed");
    answer.put("dedup_key", dedupKey);
    answer.put("id", event.id());
    Http.json(ctx, 202, answer);
  }

  /**
   * PagerDuty clients read {@code status}/{@code errors}; ours read {@code error}/{@code detail}.
   */
  private static ApiException pdError(String reason) {
    return new PagerDutyError(reason);
  }

  public static final class PagerDutyError extends ApiException {
    PagerDutyError(String reason) {
      super(400, "invalid event", reason);
    }

    public Map<String, Object> body() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("error", error());
      m.put("detail", getMessage());
      m.put("status", "invalid event");
      m.put("message", "Event object is invalid");
      m.put("errors", List.of(getMessage()));
      return m;
    }
  }

  private static CloudEvent envelope(
      String type, Principal integration, String subject, byte[] data) {
    return Envelopes.of(type, sender(integration), subject, data);
  }

  public static Envelopes.Sender sender(Principal integration) {
    return new Envelopes.Sender(
        integration.tokenId(), integration.name(), integration.organizationId());
  }
}
