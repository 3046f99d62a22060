package io.opsflow.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.db.ConsumerOffsets;
import io.opsflow.db.Database;
import io.opsflow.incident.model.IncidentCommands;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.OutgoingRecord;
import io.opsflow.kafka.RecordHandler;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.slack.reply.SlackReplies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Applies human actions from {@code opsflow.commands}, once each by envelope id. */
public final class CommandRecordHandler implements RecordHandler {
  private static final Set<String> KNOWN =
      Set.of(
          EnvelopeTypes.ACKNOWLEDGE,
          EnvelopeTypes.RESOLVE,
          EnvelopeTypes.ESCALATE,
          EnvelopeTypes.PRIORITIZE,
          EnvelopeTypes.SLA_PAUSE,
          EnvelopeTypes.SLA_RESUME);

  private final String group;
  private final Database db;
  private final CommandDispatch dispatch;
  private final Function<IncidentEvent, OutgoingRecord> encoder;
  private final Runnable afterCommit;
  private final EffectRecorder effects;
  private final Counter resolved;

  public CommandRecordHandler(
      String group,
      Database db,
      Function<IncidentEvent, OutgoingRecord> encoder,
      Runnable afterCommit,
      MeterRegistry metrics) {
    this(group, db, encoder, afterCommit, metrics, EffectRecorder.none());
  }

  /** A handler whose state changes also plan their external effects through {@code effects}. */
  public CommandRecordHandler(
      String group,
      Database db,
      Function<IncidentEvent, OutgoingRecord> encoder,
      Runnable afterCommit,
      MeterRegistry metrics,
      EffectRecorder effects) {
    this.effects = effects;
    this.dispatch = new CommandDispatch(effects);
    this.group = group;
    this.db = db;
    this.encoder = encoder;
    this.afterCommit = afterCommit;
    this.resolved = metrics.counter("opsflow.incidents.resolved");
  }

  @Override
  public List<Rejected> handle(List<ConsumerRecord<byte[], byte[]>> records) {
    List<Rejected> rejected = new ArrayList<>();
    db.inTransaction(
        session -> {
          HibernateIncidentStore store = new HibernateIncidentStore(session, encoder, effects);
          for (ConsumerRecord<byte[], byte[]> r : records) {
            String reason;
            try {
              reason = apply(CloudEvent.decode(r.value()), store);
            } catch (IllegalArgumentException ex) {
              reason = ex.getMessage();
            }
            if (reason != null) {
              rejected.add(new Rejected(r, reason));
            }
          }
          ConsumerOffsets.advance(session, group, RecordHandler.nextPositions(records));
          return null;
        });
    afterCommit.run();
    return rejected;
  }

  /** A Slack request waiting for this command hears how it went, in the same transaction. */
  private static void settle(
      HibernateIncidentStore store, CloudEvent.Parsed e, SlackReplies.Outcome o, String detail) {
    SlackReplies.settle(store.session(), e.id(), o, detail, System.currentTimeMillis());
  }

  /**
   * @return null when applied (or applied before), else the reason it cannot be
   */
  private String apply(CloudEvent.Parsed e, HibernateIncidentStore store) {
    String incidentId = e.data().path("incidentId").asText("");
    String actor = e.extension(EnvelopeTypes.ACTOR);
    if (incidentId.isBlank() || actor == null) {
      return "command has no incidentId or actor";
    }
    if (!KNOWN.contains(e.type())) {
      return "unknown command type '" + e.type() + "'";
    }
    if (!store.alreadyProcessed(Set.of(e.id())).isEmpty()) {
      return null;
    }
    IncidentCommands.Result result = dispatch.apply(e, incidentId, actor, store);
    if (result == IncidentCommands.Result.NOT_FOUND) {
      settle(store, e, SlackReplies.Outcome.REFUSED, "incident " + incidentId + " not found");
      return "incident " + incidentId + " not found";
    }
    settle(
        store,
        e,
        result == IncidentCommands.Result.APPLIED
            ? SlackReplies.Outcome.APPLIED
            : SlackReplies.Outcome.UNCHANGED,
        null);
    if (result == IncidentCommands.Result.APPLIED && e.type().equals(EnvelopeTypes.RESOLVE)) {
      resolved.increment();
    }
    store.markProcessed(List.of(e.id()), Instant.now());
    return null;
  }
}
