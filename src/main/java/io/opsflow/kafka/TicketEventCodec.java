package io.opsflow.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.store.HibernateIncidentStore.OutgoingRecord;
import io.opsflow.ticket.TicketEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/** Turns a ticket event into the CloudEvent that leaves on {@code opsflow.events}. */
public final class TicketEventCodec implements Function<TicketEvent, OutgoingRecord> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public OutgoingRecord apply(TicketEvent e) {
    ObjectNode data = JSON.createObjectNode();
    data.put("ticketId", e.ticketId());
    data.put("reference", e.reference());
    data.put("organizationId", e.organizationId());
    data.put("status", e.status());
    data.put("priority", e.priority());
    data.put("subject", e.subject());
    data.put("actor", e.actor());
    if (e.detail() != null) {
      data.put("detail", e.detail());
    }
    data.put("at", e.at().toString());
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(data);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
    CloudEvent ce =
        new CloudEvent(
            EnvelopeIds.next(),
            "/opsflow/tickets",
            e.type(),
            e.at(),
            e.ticketId(),
            Map.of("organizationid", e.organizationId()),
            bytes);
    return new OutgoingRecord(
        Topics.EVENTS, e.ticketId(), new String(ce.encode(), StandardCharsets.UTF_8));
  }
}
