package io.opsflow.ticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.kafka.OutgoingEvents;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.ticket.model.TicketEvent;
import java.util.function.Function;

/** Turns a ticket event into the CloudEvent that leaves on {@code opsflow.events}. */
public final class TicketEventCodec implements Function<TicketEvent, OutgoingRecord> {

  @Override
  public OutgoingRecord apply(TicketEvent e) {
    ObjectNode data = OutgoingEvents.data();
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
    return OutgoingEvents.record(
        "/opsflow/tickets", e.type(), e.at(), e.ticketId(), e.organizationId(), data);
  }
}
