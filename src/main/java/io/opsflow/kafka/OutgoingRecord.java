package io.opsflow.kafka;

/** A record to publish from an outbox: its topic, key and payload. */
public record OutgoingRecord(String topic, String key, String payload) {}
