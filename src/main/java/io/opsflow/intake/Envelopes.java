package io.opsflow.intake;

import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.EnvelopeIds;
import java.time.Instant;
import java.util.Map;

/**
 * The envelope of a record an integration sent: the same for an alert taken over HTTP and for one
 * opsflow raises itself (heartbeats, fast burn), so both take the same path through the consumers.
 */
public final class Envelopes {
  private Envelopes() {}

  /** The integration an envelope is sent as: its token id, name and organization. */
  public record Sender(String integrationId, String name, String organizationId) {}

  public static CloudEvent of(String type, Sender sender, String subject, byte[] data) {
    return new CloudEvent(
        EnvelopeIds.next(),
        "/integrations/" + sender.integrationId(),
        type,
        Instant.now(),
        subject,
        Map.of(
            EnvelopeTypes.INTEGRATION, sender.integrationId(),
            EnvelopeTypes.INTEGRATION_NAME, sender.name(),
            EnvelopeTypes.ORGANIZATION, sender.organizationId()),
        data);
  }

  /**
   * The record key of an alert: integration id + dedup key, so one alert's events stay in order.
   */
  public static String alertKey(Sender sender, String dedupKey) {
    return sender.integrationId() + ":" + dedupKey;
  }
}
