package io.opsflow.ticket;

import io.micrometer.core.instrument.MeterRegistry;
import io.opsflow.db.ConsumerOffsets;
import io.opsflow.db.Database;
import io.opsflow.db.EnvelopeLedger;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.RecordHandler;
import io.opsflow.slack.reply.SlackReplies;
import io.opsflow.ticket.model.TicketRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies ticket commands from {@code opsflow.tickets}, once each by envelope id. A record that is
 * not a ticket command, or a command that cannot apply (a closed ticket, another organization's),
 * goes to the DLQ with the reason; the rest of the batch is applied.
 */
public final class TicketRecordHandler implements RecordHandler {
  private final String group;
  private final Database db;
  private final TicketApplier applier;
  private final Runnable afterCommit;
  private final MeterRegistry metrics;

  public TicketRecordHandler(
      String group,
      Database db,
      TicketApplier applier,
      Runnable afterCommit,
      MeterRegistry metrics) {
    this.group = group;
    this.db = db;
    this.applier = applier;
    this.afterCommit = afterCommit;
    this.metrics = metrics;
  }

  @Override
  public List<Rejected> handle(List<ConsumerRecord<byte[], byte[]>> records) {
    List<Rejected> rejected = new ArrayList<>();
    List<TicketEnvelopes.Decoded> commands = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      try {
        commands.add(TicketEnvelopes.decode(CloudEvent.decode(r.value())));
      } catch (IllegalArgumentException e) {
        rejected.add(new Rejected(r, e.getMessage()));
      }
    }
    if (rejected.isEmpty() && applyAll(commands, records)) {
      count("applied", commands.size());
    } else {
      // one command cannot apply: apply the batch record by record, so only it is refused
      rejected.clear();
      for (ConsumerRecord<byte[], byte[]> r : records) {
        String reason = applyOne(r);
        if (reason != null) {
          rejected.add(new Rejected(r, reason));
        }
        count(reason == null ? "applied" : "rejected", 1);
      }
      db.inTransaction(
          s -> {
            ConsumerOffsets.advance(s, group, RecordHandler.nextPositions(records));
            return null;
          });
    }
    afterCommit.run();
    return rejected;
  }

  /** Applies the whole batch in one transaction with its offsets; false if a command refused. */
  private boolean applyAll(
      List<TicketEnvelopes.Decoded> commands, List<ConsumerRecord<byte[], byte[]>> records) {
    try {
      db.inTransaction(
          s -> {
            for (TicketEnvelopes.Decoded d : commands) {
              if (EnvelopeLedger.applied(s, Set.of(d.envelopeId())).isEmpty()) {
                applier.apply(s, d.envelopeId(), d.actor(), d.command(), d.at());
                EnvelopeLedger.record(s, List.of(d.envelopeId()), Instant.now());
                SlackReplies.settle(
                    s,
                    SlackReplies.ticketKey(d.command()),
                    SlackReplies.Outcome.APPLIED,
                    null,
                    System.currentTimeMillis());
              }
            }
            ConsumerOffsets.advance(s, group, RecordHandler.nextPositions(records));
            return null;
          });
      return true;
    } catch (TicketRules.Refused e) {
      return false;
    }
  }

  private void count(String outcome, int n) {
    metrics.counter("opsflow.ticket.commands", "outcome", outcome).increment(n);
  }

  /** Applies one record in its own transaction; null when applied (now or before). */
  private String applyOne(ConsumerRecord<byte[], byte[]> r) {
    TicketEnvelopes.Decoded d;
    try {
      d = TicketEnvelopes.decode(CloudEvent.decode(r.value()));
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    try {
      db.inTransaction(
          s -> {
            if (!EnvelopeLedger.applied(s, Set.of(d.envelopeId())).isEmpty()) {
              return null;
            }
            applier.apply(s, d.envelopeId(), d.actor(), d.command(), d.at());
            EnvelopeLedger.record(s, List.of(d.envelopeId()), Instant.now());
            SlackReplies.settle(
                s,
                SlackReplies.ticketKey(d.command()),
                SlackReplies.Outcome.APPLIED,
                null,
                System.currentTimeMillis());
            return null;
          });
      return null;
    } catch (TicketRules.Refused e) {
      String key = SlackReplies.ticketKey(d.command());
      if (key != null) {
        db.inTransaction(
            s -> {
              SlackReplies.settle(
                  s, key, SlackReplies.Outcome.REFUSED, e.getMessage(), System.currentTimeMillis());
              return null;
            });
      }
      return e.getMessage();
    }
  }
}
