package io.opsflow.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.db.ConsumerOffsets;
import io.opsflow.db.Database;
import io.opsflow.incident.model.AlertGrouping;
import io.opsflow.incident.model.AlertSignal;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.intake.AlertmanagerFormat;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.intake.InvalidPayloadException;
import io.opsflow.intake.PagerDutyFormat;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.kafka.RecordHandler;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.slack.reply.SlackReplies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies a batch of {@code opsflow.alerts} records in one transaction: decode each envelope, drop
 * envelope ids applied before, group the rest into incidents, record the ids. Records that cannot
 * be decoded are returned for the dead-letter topic; the others still apply.
 */
public final class AlertRecordHandler implements RecordHandler {
  private static final String SLACK_ACTOR = "integration:" + SlackReplies.INTEGRATION;
  private final String group;
  private final Database db;
  private final AlertGrouping grouping = new AlertGrouping();
  private final Function<IncidentEvent, OutgoingRecord> encoder;
  private final Runnable afterCommit;
  private final EffectRecorder effects;
  private final Map<AlertGrouping.Outcome, Counter> outcomes =
      new EnumMap<>(AlertGrouping.Outcome.class);
  private final Counter duplicates;
  private final Counter opened;
  private final Counter resolved;

  public AlertRecordHandler(
      String group,
      Database db,
      Function<IncidentEvent, OutgoingRecord> encoder,
      Runnable afterCommit,
      MeterRegistry metrics) {
    this(group, db, encoder, afterCommit, metrics, EffectRecorder.none());
  }

  /** A handler whose state changes also plan their external effects through {@code effects}. */
  public AlertRecordHandler(
      String group,
      Database db,
      Function<IncidentEvent, OutgoingRecord> encoder,
      Runnable afterCommit,
      MeterRegistry metrics,
      EffectRecorder effects) {
    this.effects = effects;
    this.group = group;
    this.db = db;
    this.encoder = encoder;
    this.afterCommit = afterCommit;
    for (AlertGrouping.Outcome o : AlertGrouping.Outcome.values()) {
      outcomes.put(o, metrics.counter("opsflow.alerts.applied", "outcome", o.name().toLowerCase()));
    }
    this.opened = metrics.counter("opsflow.incidents.opened");
    this.resolved = metrics.counter("opsflow.incidents.resolved");
    this.duplicates = metrics.counter("opsflow.envelopes.duplicate", "topic", "opsflow.alerts");
  }

  @Override
  public List<Rejected> handle(List<ConsumerRecord<byte[], byte[]>> records) {
    List<Rejected> rejected = new ArrayList<>();
    Map<String, AlertSignal> signals = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      try {
        AlertSignal s = decode(CloudEvent.decode(r.value()));
        if (signals.putIfAbsent(s.envelopeId(), s) != null) {
          duplicates.increment();
        }
      } catch (IllegalArgumentException e) {
        rejected.add(new Rejected(r, e.getMessage()));
      }
    }
    Map<AlertGrouping.Outcome, Integer> counts = new EnumMap<>(AlertGrouping.Outcome.class);
    db.inTransaction(
        session -> {
          ConsumerOffsets.advance(session, group, RecordHandler.nextPositions(records));
          if (signals.isEmpty()) {
            return null;
          }
          HibernateIncidentStore store = new HibernateIncidentStore(session, encoder, effects);
          Set<String> seen = store.alreadyProcessed(signals.keySet());
          seen.forEach(signals::remove);
          duplicates.increment(seen.size());
          store.prefetch(signals.values());
          for (AlertSignal s : signals.values()) {
            counts.merge(grouping.apply(s, store), 1, Integer::sum);
            if (SLACK_ACTOR.equals(s.actor())) {
              // an incident declared in Slack: its requester hears which incident it became
              SlackReplies.settle(
                  session,
                  s.envelopeId(),
                  SlackReplies.Outcome.APPLIED,
                  store.findOpen(s.integrationId(), s.alertKey()).map(i -> i.id()).orElse(null),
                  System.currentTimeMillis());
            }
          }
          store.markProcessed(signals.keySet(), Instant.now());
          return null;
        });
    counts.forEach((o, n) -> outcomes.get(o).increment(n));
    opened.increment(counts.getOrDefault(AlertGrouping.Outcome.OPENED, 0));
    resolved.increment(counts.getOrDefault(AlertGrouping.Outcome.RESOLVED, 0));
    afterCommit.run();
    return rejected;
  }

  static AlertSignal decode(CloudEvent.Parsed e) {
    String integration = e.extension(EnvelopeTypes.INTEGRATION);
    String org = e.extension(EnvelopeTypes.ORGANIZATION);
    if (integration == null || org == null) {
      throw new InvalidPayloadException("envelope has no integrationid/organizationid");
    }
    String name = e.extension(EnvelopeTypes.INTEGRATION_NAME);
    String actor = "integration:" + (name == null ? integration : name);
    return switch (e.type()) {
      case EnvelopeTypes.ALERTMANAGER ->
          AlertmanagerFormat.toSignal(e.id(), org, integration, actor, e.time(), e.data());
      case EnvelopeTypes.PAGERDUTY -> {
        if (e.subject() == null || e.subject().isBlank()) {
          throw new InvalidPayloadException("PagerDuty envelope has no subject (dedup key)");
        }
        yield PagerDutyFormat.toSignal(
            e.id(), org, integration, actor, e.subject(), e.time(), e.data());
      }
      default -> throw new InvalidPayloadException("unknown alert type '" + e.type() + "'");
    };
  }
}
