package io.opsflow.db;

import java.time.Instant;

/** A Kafka record waiting to be published after the transaction that produced it committed. */
public class EventOutboxRow {
  private Long id;
  private String topic;
  private String recordKey;
  private String payload;
  private Instant createdAt;

  protected EventOutboxRow() {}

  public EventOutboxRow(String topic, String recordKey, String payload, Instant createdAt) {
    this.topic = topic;
    this.recordKey = recordKey;
    this.payload = payload;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String topic() {
    return topic;
  }

  public String recordKey() {
    return recordKey;
  }

  public String payload() {
    return payload;
  }
}
