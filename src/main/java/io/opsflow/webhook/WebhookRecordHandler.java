package io.opsflow.webhook;

import io.opsflow.db.ConsumerOffsets;
import io.opsflow.db.Database;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.RecordHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code opsflow.events} and records one webhook delivery per interested subscription and
 * event, in the same transaction as the group's positions: a replay from offset 0 adds nothing.
 */
public final class WebhookRecordHandler implements RecordHandler {
  private static final String TYPE_PREFIX = "io.opsflow.";

  private final String group;
  private final Database db;
  private final Runnable afterCommit;
  private final Clock clock;

  public WebhookRecordHandler(String group, Database db, Runnable afterCommit, Clock clock) {
    this.group = group;
    this.db = db;
    this.afterCommit = afterCommit;
    this.clock = clock;
  }

  @Override
  public List<Rejected> handle(List<ConsumerRecord<byte[], byte[]>> records) {
    List<Rejected> rejected = new ArrayList<>();
    List<WebhookStore.Event> events = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      try {
        events.add(event(r));
      } catch (IllegalArgumentException e) {
        rejected.add(new Rejected(r, e.getMessage()));
      }
    }
    int recorded =
        db.inTransaction(
            s -> {
              int n = WebhookStore.recordDeliveries(s, events, clock.millis());
              ConsumerOffsets.advance(s, group, RecordHandler.nextPositions(records));
              return n;
            });
    if (recorded > 0) {
      afterCommit.run();
    }
    return rejected;
  }

  /** The webhook event name of a CloudEvents type: {@code incident.triggered}, ... */
  public static String eventName(String cloudEventType) {
    return cloudEventType.startsWith(TYPE_PREFIX)
        ? cloudEventType.substring(TYPE_PREFIX.length())
        : cloudEventType;
  }

  private static WebhookStore.Event event(ConsumerRecord<byte[], byte[]> r) {
    CloudEvent.Parsed ce = CloudEvent.decode(r.value());
    if (ce.subject() == null) {
      throw new IllegalArgumentException("event has no subject (incident id)");
    }
    return new WebhookStore.Event(
        ce.id(),
        eventName(ce.type()),
        ce.subject(),
        ce.extension("organizationid"),
        new String(r.value(), StandardCharsets.UTF_8));
  }
}
