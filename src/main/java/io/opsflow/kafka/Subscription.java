package io.opsflow.kafka;

/**
 * A module's reading of a topic: its consumer group, the member's suffix after the instance id
 * (members of one group on one instance differ by it), and the handler of each polled batch.
 */
public record Subscription(String group, String topic, String member, RecordHandler handler) {
  /** The one member of {@code group} on this instance. */
  public static Subscription of(String group, String topic, RecordHandler handler) {
    return new Subscription(group, topic, "", handler);
  }
}
