package io.opsflow.uptime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.intake.Envelopes;
import io.opsflow.intake.PagerDutyFormat;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import io.opsflow.sla.model.SlaAlert;
import io.opsflow.sla.model.SlaAlerts;
import java.nio.charset.StandardCharsets;

/**
 * Sends opsflow's own alerts as PagerDuty Events v2 bodies on {@code opsflow.alerts}, in the
 * envelope the HTTP intake builds: the alert consumer cannot tell them from a sender's.
 */
public final class AlertPublisher implements SlaAlerts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Publisher publisher;
  private final InternalIntegrations integrations;

  public AlertPublisher(Publisher publisher, InternalIntegrations integrations) {
    this.publisher = publisher;
    this.integrations = integrations;
  }

  @Override
  public void send(SlaAlert alert) {
    ObjectNode body = JSON.createObjectNode();
    body.put("event_action", alert.action() == SlaAlert.Action.TRIGGER ? "trigger" : "resolve");
    body.put("dedup_key", alert.dedupKey());
    body.put("client", "opsflow");
    ObjectNode payload = body.putObject("payload");
    payload.put("summary", alert.summary());
    payload.put("source", alert.source());
    payload.put("severity", alert.severity());
    ObjectNode details = payload.putObject("custom_details");
    alert.details().forEach(details::put);
    PagerDutyFormat.validate(body);
    Envelopes.Sender sender = integrations.of(alert.organizationId());
    CloudEvent event =
        Envelopes.of(
            EnvelopeTypes.PAGERDUTY,
            sender,
            alert.dedupKey(),
            body.toString().getBytes(StandardCharsets.UTF_8));
    publisher.publish(Topics.ALERTS, Envelopes.alertKey(sender, alert.dedupKey()), event);
  }
}
