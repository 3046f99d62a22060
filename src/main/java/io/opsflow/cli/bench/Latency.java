package io.opsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

/**
 * {@code latency}: a steady rate of PagerDuty triggers over HTTP, round-robin over groups whose
 * incidents already exist. Alert {@code k} of a group is visible once the group's incident shows an
 * eventCount that includes it; a poller lists the incidents back to back, and an alert's latency
 * runs from its send to the end of the first list response that shows it (an upper bound: the
 * poll's own duration is included and reported as pollMs).
 */
final class Latency {
  private Latency() {}

  static BenchResult run(BenchContext c) throws Exception {
    int d = c.groups();
    String[] bodies = new String[d];
    Map<String, Integer> groupOf = new LinkedHashMap<>();
    for (int g = 0; g < d; g++) {
      bodies[g] = routed(c, KafkaDuplicates.trigger(c.dedupKey(g)));
      groupOf.put(c.dedupKey(g), g);
      c.api().post("/api/v1/events", null, bodies[g]);
    }
    long[] expected = new long[d];
    for (JsonNode i : c.awaitIncidents(true)) {
      expected[groupOf.get(i.path("alertKey").asText())] = i.path("eventCount").asLong();
    }
    int total = c.rate() * c.seconds();
    long[] sent = new long[total];
    long[] latency = new long[total];
    long[] accept = new long[total];
    @SuppressWarnings("unchecked")
    Queue<long[]>[] pending = new Queue[d];
    for (int g = 0; g < d; g++) {
      pending[g] = new ConcurrentLinkedQueue<>();
    }
    AtomicInteger seen = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    long deadline = System.nanoTime() + (c.seconds() + c.timeout().toSeconds()) * 1_000_000_000L;
    long[] polls = new long[2];
    Thread poller =
        new Thread(
            () ->
                LatencyPoller.poll(
                    c.api().separateConnections(),
                    c.runId(),
                    groupOf,
                    pending,
                    sent,
                    latency,
                    seen,
                    polls,
                    total,
                    deadline),
            "opsflow-bench-poller");
    poller.start();
    ExecutorService senders = Executors.newFixedThreadPool(Math.max(32, c.clients()));
    long period = 1_000_000_000L / c.rate();
    long t0 = System.nanoTime();
    for (int k = 0; k < total && System.nanoTime() < deadline; k++) {
      LockSupport.parkNanos(t0 + k * period - System.nanoTime());
      int alert = k;
      int g = k % d;
      senders.execute(
          () -> {
            if (System.nanoTime() > deadline) {
              return;
            }
            synchronized (pending[g]) {
              sent[alert] = System.nanoTime();
              pending[g].add(new long[] {alert, ++expected[g]});
            }
            try {
              if (c.api().post("/api/v1/events", null, bodies[g]) != 202) {
                rejected.incrementAndGet();
              }
              accept[alert] = System.nanoTime() - sent[alert];
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    senders.shutdown();
    senders.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    double sendSeconds = (System.nanoTime() - t0) / 1e9;
    poller.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    int n = seen.get();
    Map<String, Double> p = BenchResult.percentiles(latency, n);
    Map<String, Double> http = BenchResult.percentiles(accept, total);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("rate", c.rate());
    extra.put("visible", n);
    extra.put("rejected", rejected.get());
    extra.put("maxMs", p.get("max"));
    extra.put("httpP50Ms", http.get("p50"));
    extra.put("httpP99Ms", http.get("p99"));
    extra.put("expectedEvents", LongStream.of(expected).sum());
    extra.put("eventCountSum", c.events());
    extra.put("pollMs", polls[0] == 0 ? null : BenchResult.round(polls[1] / 1e6 / polls[0]));
    return new BenchResult(
        "latency",
        total,
        d,
        sendSeconds,
        total / sendSeconds,
        c.awaitIncidents().size(),
        p.get("p50"),
        p.get("p99"),
        extra);
  }

  /** The trigger with its routing key, as a PagerDuty client sends it. */
  private static String routed(BenchContext c, String trigger) throws Exception {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) BenchApi.JSON.readTree(trigger);
    return node.put("routing_key", c.integration().token()).toString();
  }
}
