package io.opsflow.webhook;

/** A delivery that is due, with what is needed to send it. */
public record WebhookDeliveryRow(
    long seq,
    String id,
    String eventType,
    String incidentId,
    String body,
    int attempts,
    long createdMs,
    WebhookSubscriptionRow subscription) {}
