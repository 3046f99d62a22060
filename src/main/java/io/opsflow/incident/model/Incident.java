package io.opsflow.incident.model;

import java.time.Instant;
import java.util.UUID;

/**
 * The incident aggregate. One open incident per alert identity (integration + alert key); the
 * {@code openKey} carries that identity while the incident is open and is cleared on resolve, so a
 * resolved incident never absorbs new alerts. Mapped by {@code META-INF/orm.xml}.
 *
 * <p>The fields that change while an incident lives are package-private: {@link IncidentChanges}
 * alone writes them; everything else reads through the accessors.
 */
public class Incident {
  private String id;
  private String organizationId;
  private String integrationId;
  private String source;
  private String alertKey;
  String openKey;
  private String title;
  String severity;
  String priority;
  IncidentStatus status;
  int alertCount;
  long eventCount;
  private String labels;
  private Instant openedAt;
  Instant lastSeenAt;
  Instant acknowledgedAt;
  String acknowledgedBy;
  Instant resolvedAt;
  String resolvedBy;
  private long version;

  protected Incident() {}

  /** Opens an incident for the first trigger of an alert identity. */
  public static Incident open(AlertSignal signal) {
    Incident i = new Incident();
    i.id = UUID.randomUUID().toString();
    i.organizationId = signal.organizationId();
    i.integrationId = signal.integrationId();
    i.source = signal.source();
    i.alertKey = signal.alertKey();
    i.openKey = IncidentKeys.openKey(signal.integrationId(), signal.alertKey());
    i.title = IncidentKeys.truncate(signal.title(), 1024);
    i.severity = signal.severity();
    i.status = IncidentStatus.TRIGGERED;
    i.labels = signal.labelsJson();
    i.openedAt = signal.at();
    i.lastSeenAt = signal.at();
    return i;
  }

  public String id() {
    return id;
  }

  public String organizationId() {
    return organizationId;
  }

  public String integrationId() {
    return integrationId;
  }

  public String source() {
    return source;
  }

  public String alertKey() {
    return alertKey;
  }

  public String title() {
    return title;
  }

  public String severity() {
    return severity;
  }

  public String priority() {
    return priority;
  }

  public IncidentStatus status() {
    return status;
  }

  public int alertCount() {
    return alertCount;
  }

  public long eventCount() {
    return eventCount;
  }

  public String labels() {
    return labels;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  public Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  public String acknowledgedBy() {
    return acknowledgedBy;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  public String resolvedBy() {
    return resolvedBy;
  }
}
