package io.opsflow.webhook;

import java.util.List;

/** A webhook subscription as stored; {@code secret} never leaves through the API after creation. */
public record WebhookSubscriptionRow(
    String id,
    String url,
    List<String> events,
    String organizationId,
    String secret,
    String previousSecret,
    Long previousUntilMs,
    String status,
    int dropsInRow,
    long failedAttempts,
    String lastError,
    long createdMs) {

  public static final String ACTIVE = "active";
  public static final String DISABLED = "disabled";

  /** True when the subscription wants this event ({@code incident.triggered}, ...) of the org. */
  public boolean wants(String event, String organization) {
    boolean org = organizationId == null || organizationId.equals(organization);
    return org && (events.contains("*") || events.contains(event));
  }

  /**
   * The secrets to sign with at the instant: the current one, then the previous during rotation.
   */
  public List<String> signingSecrets(long nowMs) {
    if (previousSecret != null && previousUntilMs != null && nowMs < previousUntilMs) {
      return List.of(secret, previousSecret);
    }
    return List.of(secret);
  }
}
