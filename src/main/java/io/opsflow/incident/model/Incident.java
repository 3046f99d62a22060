package io.opsflow.incident.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The incident aggregate. One open incident per alert identity (integration + alert key); the
 * {@code openKey} carries that identity while the incident is open and is cleared on resolve, so a
 * resolved incident never absorbs new alerts. Mapped by {@code META-INF/orm.xml}.
 */
public class Incident {
  private String id;
  private String organizationId;
  private String integrationId;
  private String source;
  private String alertKey;
  private String openKey;
  private String title;
  private String severity;
  private String priority;
  private IncidentStatus status;
  private int alertCount;
  private long eventCount;
  private String labels;
  private Instant openedAt;
  private Instant lastSeenAt;
  private Instant acknowledgedAt;
  private String acknowledgedBy;
  private Instant resolvedAt;
  private String resolvedBy;
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
    i.openKey = openKey(signal.integrationId(), signal.alertKey());
    i.title = truncate(signal.title(), 1024);
    i.severity = signal.severity();
    i.status = IncidentStatus.TRIGGERED;
    i.labels = signal.labelsJson();
    i.openedAt = signal.at();
    i.lastSeenAt = signal.at();
    return i;
  }

  /** The identity an open incident is found by: a digest of integration id and alert key. */
  public static String openKey(String integrationId, String alertKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(integrationId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(alertKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A repeat notification: counts it and moves last-seen forward. */
  void seen(Instant at) {
    eventCount++;
    if (lastSeenAt == null || at.isAfter(lastSeenAt)) {
      lastSeenAt = at;
    }
  }

  void alertAdded() {
    alertCount++;
  }

  /**
   * @return false when the incident was not waiting for acknowledgement
   */
  boolean acknowledge(String actor, Instant at) {
    if (status != IncidentStatus.TRIGGERED) {
      return false;
    }
    status = IncidentStatus.ACKNOWLEDGED;
    acknowledgedAt = at;
    acknowledgedBy = actor;
    return true;
  }

  /**
   * @return false when it was already resolved
   */
  boolean resolve(String actor, Instant at) {
    if (status == IncidentStatus.RESOLVED) {
      return false;
    }
    status = IncidentStatus.RESOLVED;
    resolvedAt = at;
    resolvedBy = actor;
    openKey = null;
    return true;
  }

  /** Raises the severity when the new one is more urgent; never lowers it while open. */
  boolean raiseSeverity(String candidate) {
    if (Severity.rank(candidate) >= Severity.rank(severity)) {
      return false;
    }
    severity = candidate;
    return true;
  }

  void prioritize(String newPriority) {
    this.priority = newPriority;
  }

  private static String truncate(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
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
