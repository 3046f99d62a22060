package io.opsflow.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ticket-create}: a customer opens tickets through {@code POST /api/v1/tickets} at a steady
 * {@code rate} for {@code seconds}. p50/p99 are the API's answer times (the 202 comes once the
 * command is durable on Kafka). The time until each ticket exists (consumer applied it in one
 * transaction with its clocks and the event) is read from its {@code io.opsflow.ticket.created}
 * event on {@code opsflow.events}, by a Kafka consumer of the bench's own, so that measuring adds
 * no load to the instance: appliedP50Ms and appliedP99Ms, over every accepted ticket.
 */
final class TicketCreation {
  static final ObjectMapper JSON = new ObjectMapper();

  private TicketCreation() {}

  /** Seconds of tickets at the rate sent first, awaited until applied, and not measured. */
  static final int WARMUP_SECONDS = 5;

  static BenchResult run(BenchContext c) throws Exception {
    String customer = c.api().userToken("bench-customer-" + c.runId(), "bench", "customer");
    try (CreatedEvents created = new CreatedEvents(c.kafkaBootstrap())) {
      TicketWave warm = new TicketWave(c.rate() * WARMUP_SECONDS);
      warm.send(c, customer, "w");
      created.awaitAll(warm.ids, System.nanoTime() + c.timeout().toNanos());
      c.say("warm-up: " + warm.accepted + " tickets applied");
      TicketWave wave = new TicketWave(c.rate() * c.seconds());
      double seconds = wave.send(c, customer, "m");
      created.awaitAll(wave.ids, System.nanoTime() + c.timeout().toNanos());
      int total = wave.ids.length;
      long[] applied = new long[total];
      int appliedCount = 0;
      for (int n = 0; n < total; n++) {
        Long at = wave.ids[n] == null ? null : created.seen(wave.ids[n]);
        if (at != null) {
          applied[appliedCount++] = at - wave.sentAt[n];
        }
      }
      Map<String, Double> http = BenchResult.percentiles(wave.answer, total);
      Map<String, Double> app =
          BenchResult.percentiles(Arrays.copyOf(applied, appliedCount), appliedCount);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("rate", c.rate());
      extra.put("warmupTickets", warm.accepted.get());
      extra.put("rejected", total - wave.accepted.get());
      extra.put("httpP90Ms", http.get("p90"));
      extra.put("httpMaxMs", http.get("max"));
      extra.put("appliedSamples", appliedCount);
      extra.put("appliedP50Ms", app.get("p50"));
      extra.put("appliedP99Ms", app.get("p99"));
      extra.put("appliedMaxMs", app.get("max"));
      return new BenchResult(
          "ticket-create",
          total,
          1,
          seconds,
          wave.accepted.get() / seconds,
          0,
          http.get("p50"),
          http.get("p99"),
          extra);
    }
  }
}
