package io.opsflow.incident;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.kafka.OutgoingEvents;
import io.opsflow.kafka.OutgoingRecord;
import java.util.function.Function;

/** Turns a lifecycle event into the CloudEvent that leaves on {@code opsflow.events}. */
public final class IncidentEventCodec implements Function<IncidentEvent, OutgoingRecord> {

  @Override
  public OutgoingRecord apply(IncidentEvent e) {
    ObjectNode data = OutgoingEvents.data();
    data.put("incidentId", e.incidentId());
    data.put("organizationId", e.organizationId());
    data.put("status", e.status().wireName());
    data.put("title", e.title());
    data.put("actor", e.actor());
    data.put("at", e.at().toString());
    return OutgoingEvents.record(
        "/opsflow/incidents", e.type(), e.at(), e.incidentId(), e.organizationId(), data);
  }
}
