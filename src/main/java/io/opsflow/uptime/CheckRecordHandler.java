package io.opsflow.uptime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.db.ConsumerOffsets;
import io.opsflow.db.Database;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.intake.InvalidPayloadException;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.RecordHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Stores a batch of {@code opsflow.checks} results in one transaction with the consumer positions.
 * A result is stored once per envelope id, so a replay changes nothing; undecodable records go to
 * the dead-letter topic.
 */
public final class CheckRecordHandler implements RecordHandler {
  private final String group;
  private final Database db;
  private final MeterRegistry metrics;

  public CheckRecordHandler(String group, Database db) {
    this(group, db, new SimpleMeterRegistry());
  }

  /**
   * Counts each stored result in {@code opsflow_check_results_total{organization,service,outcome}}:
   * two organizations' services of the same name are two series.
   */
  public CheckRecordHandler(String group, Database db, MeterRegistry metrics) {
    this.group = group;
    this.db = db;
    this.metrics = metrics;
  }

  @Override
  public List<Rejected> handle(List<ConsumerRecord<byte[], byte[]>> records) {
    List<Rejected> rejected = new ArrayList<>();
    Map<String, CheckResultStore.Stored> results = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      try {
        CloudEvent.Parsed e = CloudEvent.decode(r.value());
        if (!EnvelopeTypes.CHECK_RESULT.equals(e.type())) {
          throw new InvalidPayloadException("unknown check type '" + e.type() + "'");
        }
        String org = e.extension(EnvelopeTypes.ORGANIZATION);
        if (org == null) {
          throw new InvalidPayloadException("envelope has no organizationid");
        }
        results.putIfAbsent(
            e.id(),
            new CheckResultStore.Stored(e.id(), org, CheckResultFormat.read(e.data(), e.time())));
      } catch (IllegalArgumentException e) {
        rejected.add(new Rejected(r, e.getMessage()));
      }
    }
    List<CheckResultStore.Stored> stored =
        db.inTransaction(
            session -> {
              List<CheckResultStore.Stored> now = new ArrayList<>();
              ConsumerOffsets.advance(session, group, RecordHandler.nextPositions(records));
              CheckResultStore.record(session, results.values(), now::add);
              return now;
            });
    // counted after the commit, once per result: a replayed record stores and counts nothing
    for (CheckResultStore.Stored s : stored) {
      metrics
          .counter(
              "opsflow.check.results",
              "organization",
              s.organizationId(),
              "service",
              s.result().service(),
              "outcome",
              s.result().ok() ? "ok" : "failed")
          .increment();
    }
    return rejected;
  }
}
