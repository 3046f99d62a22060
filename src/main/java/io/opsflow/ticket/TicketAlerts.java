package io.opsflow.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.intake.Envelopes;
import io.opsflow.intake.PagerDutyFormat;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.kafka.Topics;
import io.opsflow.ticket.model.TicketPage;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Turns a ticket that pages into the record that leaves on {@code opsflow.alerts}: a PagerDuty
 * Events v2 trigger from the organization's internal {@value TicketPage#INTEGRATION} integration,
 * in the envelope the HTTP intake builds, so the incident it opens is grouped, triaged, escalated
 * and paged as any sender's. Written to the event outbox in the ticket's own transaction.
 */
public final class TicketAlerts implements Function<TicketPage, OutgoingRecord> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, Envelopes.Sender> integrations;

  /**
   * @param integrations the internal {@value TicketPage#INTEGRATION} integration of an organization
   */
  public TicketAlerts(Function<String, Envelopes.Sender> integrations) {
    this.integrations = integrations;
  }

  @Override
  public OutgoingRecord apply(TicketPage page) {
    ObjectNode body = JSON.createObjectNode();
    body.put("event_action", "trigger");
    body.put("dedup_key", page.dedupKey());
    body.put("client", "opsflow tickets");
    ObjectNode payload = body.putObject("payload");
    payload.put("summary", page.summary());
    payload.put("source", "opsflow tickets");
    payload.put("severity", page.severity());
    ObjectNode details = payload.putObject("custom_details");
    details.put(TicketPage.TICKET_ID, page.ticketId());
    details.put("ticket_reference", page.reference());
    if (page.requester() != null) {
      details.put("requester", page.requester());
    }
    details.put("ticket_priority", page.priority());
    if (page.raisedBy() != null) {
      details.put("raised_by", page.raisedBy());
    }
    PagerDutyFormat.validate(body);
    Envelopes.Sender sender = integrations.apply(page.organizationId());
    CloudEvent event =
        Envelopes.of(
            EnvelopeTypes.PAGERDUTY,
            sender,
            page.dedupKey(),
            body.toString().getBytes(StandardCharsets.UTF_8));
    return new OutgoingRecord(
        Topics.ALERTS,
        Envelopes.alertKey(sender, page.dedupKey()),
        new String(event.encode(), StandardCharsets.UTF_8));
  }
}
