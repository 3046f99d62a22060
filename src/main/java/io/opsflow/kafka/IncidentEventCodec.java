package io.opsflow.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.incident.IncidentEvent;
import io.opsflow.store.HibernateIncidentStore.OutgoingRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/** Turns a lifecycle event into the CloudEvent that leaves on {@code opsflow.events}. */
public final class IncidentEventCodec implements Function<IncidentEvent, OutgoingRecord> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public OutgoingRecord apply(IncidentEvent e) {
    ObjectNode data = JSON.createObjectNode();
    data.put("incidentId", e.incidentId());
    data.put("organizationId", e.organizationId());
    data.put("status", e.status().wireName());
    data.put("title", e.title());
    data.put("actor", e.actor());
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
            "/opsflow/incidents",
            e.type(),
            e.at(),
            e.incidentId(),
            Map.of("organizationid", e.organizationId()),
            bytes);
    return new OutgoingRecord(
        Topics.EVENTS, e.incidentId(), new String(ce.encode(), StandardCharsets.UTF_8));
  }
}
