package io.opsflow.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The CloudEvent building the event codecs share: an opsflow event leaves on {@code opsflow.events}
 * keyed by its subject, with its organization as the {@code organizationid} extension.
 */
public final class OutgoingEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OutgoingEvents() {}

  /** An empty {@code data} object for a codec to fill. */
  public static ObjectNode data() {
    return JSON.createObjectNode();
  }

  public static OutgoingRecord record(
      String source,
      String type,
      Instant at,
      String subject,
      String organizationId,
      ObjectNode data) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(data);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
    CloudEvent ce =
        new CloudEvent(
            EnvelopeIds.next(),
            source,
            type,
            at,
            subject,
            Map.of("organizationid", organizationId),
            bytes);
    return new OutgoingRecord(
        Topics.EVENTS, subject, new String(ce.encode(), StandardCharsets.UTF_8));
  }
}
