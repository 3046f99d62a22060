package io.opsflow.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.access.Organizations;
import io.opsflow.db.Audit;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.intake.Envelopes;
import io.opsflow.intake.InvalidPayloadException;
import io.opsflow.intake.PagerDutyFormat;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code /opsflow incident [P-0|P-1|P-2] <summary>}: declares an incident by hand. It takes the
 * alert path: a PagerDuty Events v2 trigger from the organization's internal {@code slack}
 * integration on {@code opsflow.alerts}, as any sender's, so grouping, triage, escalation and the
 * war room follow as usual. The priority asked for is the severity sent (P-0 critical, P-1 error,
 * P-2 warning), which triage turns back into that priority unless a service's rule says otherwise.
 * The declaration is on the audit trail ({@code incident.declare}, subject the dedup key).
 */
final class DeclareIncidentCommand implements SlashCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> SEVERITY =
      Map.of("P-0", "critical", "P-1", "error", "P-2", "warning");

  private final Function<String, Envelopes.Sender> slackIntegration;
  private final Publisher publisher;
  private final Organizations organizations;
  private final PendingReplies replies;
  private final Audit audit;

  DeclareIncidentCommand(
      Function<String, Envelopes.Sender> slackIntegration,
      Publisher publisher,
      Organizations organizations,
      PendingReplies replies,
      Audit audit) {
    this.slackIntegration = slackIntegration;
    this.publisher = publisher;
    this.organizations = organizations;
    this.replies = replies;
    this.audit = audit;
  }

  @Override
  public List<String> verbs() {
    return List.of("incident");
  }

  @Override
  public String usage() {
    return "/opsflow incident [P-0|P-1|P-2] [org=<organization>] <summary>";
  }

  @Override
  public String run(SlackUser user, SlackRequest request, List<String> args) {
    CommandOptions o = CommandOptions.take(args, "P-1");
    if (o.text().isBlank()) {
      throw SlashCommand.Refusal.usage("What is happening? Give a summary.");
    }
    String org = o.organizationFor(user, organizations);
    String dedupKey = "slack-" + UUID.randomUUID();
    ObjectNode body = JSON.createObjectNode();
    body.put("event_action", "trigger");
    body.put("dedup_key", dedupKey);
    body.put("client", "opsflow slack");
    ObjectNode payload = body.putObject("payload");
    payload.put("summary", o.text());
    payload.put("source", "slack");
    payload.put("severity", SEVERITY.get(o.priority()));
    ObjectNode details = payload.putObject("custom_details");
    details.put("declared_by", user.actor());
    details.put("requested_priority", o.priority());
    if (request.channelId() != null) {
      details.put("slack_channel", request.channelId());
    }
    try {
      PagerDutyFormat.validate(body);
    } catch (InvalidPayloadException e) {
      throw SlashCommand.Refusal.usage("Cannot declare that: " + e.getMessage() + ".");
    }
    Envelopes.Sender sender = slackIntegration.apply(org);
    CloudEvent event =
        Envelopes.of(
            EnvelopeTypes.PAGERDUTY,
            sender,
            dedupKey,
            body.toString().getBytes(StandardCharsets.UTF_8));
    replies.publish(
        user,
        request,
        event.id(),
        PendingReplies.INCIDENT_DECLARE,
        dedupKey,
        () -> {
          publisher.publish(Topics.ALERTS, Envelopes.alertKey(sender, dedupKey), event);
          return null;
        });
    audit.record(user.actor(), org, "incident.declare", dedupKey, o.priority() + " " + o.text());
    return "Declaring a "
        + o.priority()
        + " incident for "
        + org
        + ": "
        + SlackText.escape(o.text())
        + ". Its id follows here once it is open.";
  }
}
