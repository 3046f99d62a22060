package io.opsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The sending and summing up of {@link FirstSlackMessage}: the warm-up, the alerts at the rate, the
 * wait for their first messages, and the latencies.
 */
final class FirstSlackMeasure {
  private FirstSlackMeasure() {}

  static BenchResult measure(
      BenchContext c,
      int total,
      int warm,
      AtomicLongArray first,
      AtomicInteger warmArrived,
      AtomicInteger arrived)
      throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(Math.max(32, c.clients()));
    try {
      long period = 1_000_000_000L / c.rate();
      c.say("warm-up: " + warm + " alerts");
      long t = System.nanoTime();
      for (int k = 0; k < warm; k++) {
        LockSupport.parkNanos(t + k * period - System.nanoTime());
        String body = FirstSlackMessage.alert(c, "w", k);
        senders.execute(() -> FirstSlackMessage.post(c, body));
      }
      FirstSlackMessage.await(c, warmArrived, warm, System.nanoTime() + c.timeout().toNanos());
      c.say("sending " + total + " alerts at " + c.rate() + "/s");
      long[] sent = new long[total];
      long[] accept = new long[total];
      AtomicInteger rejected = new AtomicInteger();
      long t0 = System.nanoTime();
      for (int k = 0; k < total; k++) {
        LockSupport.parkNanos(t0 + k * period - System.nanoTime());
        int alert = k;
        String body = FirstSlackMessage.alert(c, "a", k);
        senders.execute(
            () -> {
              sent[alert] = System.nanoTime();
              if (!FirstSlackMessage.post(c, body)) {
                rejected.incrementAndGet();
              }
              accept[alert] = System.nanoTime() - sent[alert];
            });
      }
      senders.shutdown();
      senders.awaitTermination(c.timeout().toSeconds(), TimeUnit.SECONDS);
      long sendEnd = System.nanoTime();
      double sendSeconds = (sendEnd - t0) / 1e9;
      int atSendEnd = arrived.get();
      c.say(atSendEnd + " of " + total + " first messages when the last alert was accepted");
      long deadline = sendEnd + c.timeout().toNanos();
      FirstSlackMessage.await(c, arrived, total - rejected.get(), deadline);
      double drainSeconds = (System.nanoTime() - sendEnd) / 1e9;
      long[] created = FirstSlackMessage.roomsCreated(c, total);
      long[] latency = new long[total];
      int n = 0;
      long[] lastSecond = new long[total];
      int nLast = 0;
      int missing = 0;
      long[] room = new long[total];
      int nRoom = 0;
      for (int k = 0; k < total; k++) {
        if (created[k] != 0) {
          room[nRoom++] = created[k] - sent[k];
        }
        long at = first.get(k);
        if (at == 0) {
          missing++;
          continue;
        }
        latency[n++] = at - sent[k];
        if (k >= total - c.rate()) {
          lastSecond[nLast++] = at - sent[k];
        }
      }
      Map<String, Double> p = BenchResult.percentiles(latency, n);
      Map<String, Double> last = BenchResult.percentiles(lastSecond, nLast);
      Map<String, Double> http = BenchResult.percentiles(accept, total);
      Map<String, Double> rooms = BenchResult.percentiles(room, nRoom);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("rate", c.rate());
      extra.put("firstMessages", n);
      extra.put("missing", missing);
      extra.put("rejected", rejected.get());
      extra.put("p90Ms", p.get("p90"));
      extra.put("maxMs", p.get("max"));
      extra.put("lastSecondP50Ms", last.get("p50"));
      extra.put("lastSecondP99Ms", last.get("p99"));
      extra.put("roomCreateP50Ms", rooms.get("p50"));
      extra.put("roomCreateP99Ms", rooms.get("p99"));
      extra.put("firstMessagesAtSendEnd", atSendEnd);
      extra.put("drainSeconds", BenchResult.round(drainSeconds));
      extra.put("httpP50Ms", http.get("p50"));
      extra.put("httpP99Ms", http.get("p99"));
      extra.put("warmup", warm);
      extra.put("timeoutSeconds", c.timeout().toSeconds());
      List<JsonNode> incidents = c.api().incidents("bench-" + c.runId() + "-a");
      extra.put("triagedAtEnd", incidents.stream().filter(i -> i.hasNonNull("priority")).count());
      return new BenchResult(
          "first-slack-message",
          total,
          total,
          sendSeconds,
          total / sendSeconds,
          incidents.size(),
          p.get("p50"),
          p.get("p99"),
          extra);
    } finally {
      senders.shutdownNow();
    }
  }
}
