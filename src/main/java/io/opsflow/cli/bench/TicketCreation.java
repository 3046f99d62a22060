package io.opsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ticket-create}: a customer opens tickets through {@code POST /api/v1/tickets} at a steady
 * {@code rate} for {@code seconds}. p50/p99 are the API's answer times (the 202 comes once the
 * command is durable on Kafka); every tenth ticket is also polled until {@code GET} shows it, for
 * the time until the ticket exists (consumer applied, clocks started), reported as appliedP50Ms and
 * appliedP99Ms (an upper bound: the poll interval is 5 ms).
 */
final class TicketCreation {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TicketCreation() {}

  static BenchResult run(BenchContext c) throws Exception {
    String customer = c.api().userToken("bench-customer-" + c.runId(), "bench", "customer");
    int total = c.rate() * c.seconds();
    long[] accept = new long[total];
    long[] applied = new long[total];
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger sampled = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(Math.max(16, c.clients()));
    ExecutorService pollers = Executors.newFixedThreadPool(8);
    long deadline = System.nanoTime() + (c.seconds() + c.timeout().toSeconds()) * 1_000_000_000L;
    long period = 1_000_000_000L / c.rate();
    long t0 = System.nanoTime();
    for (int k = 0; k < total; k++) {
      LockSupport.parkNanos(t0 + k * period - System.nanoTime());
      int n = k;
      senders.execute(
          () -> {
            String body =
                JSON.createObjectNode()
                    .put("subject", "bench " + c.runId() + " #" + n)
                    .put("description", "opened by opsflow bench")
                    .put("priority", "P-2")
                    .toString();
            long s = System.nanoTime();
            try {
              HttpResponse<String> r = c.api().send("/api/v1/tickets", customer, body);
              accept[n] = System.nanoTime() - s;
              if (r.statusCode() != 202) {
                return;
              }
              accepted.incrementAndGet();
              if (n % 10 == 0) {
                String id = JSON.readTree(r.body()).path("id").asText();
                pollers.execute(
                    () -> awaitApplied(c, customer, id, s, n, applied, sampled, deadline));
              }
            } catch (Exception e) {
              accept[n] = System.nanoTime() - s;
            }
          });
    }
    senders.shutdown();
    senders.awaitTermination(c.timeout().toSeconds(), TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - t0) / 1e9;
    pollers.shutdown();
    pollers.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    Map<String, Double> http = BenchResult.percentiles(accept, total);
    long[] appliedSamples = java.util.Arrays.stream(applied).filter(v -> v > 0).toArray();
    Map<String, Double> app = BenchResult.percentiles(appliedSamples, appliedSamples.length);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("rate", c.rate());
    extra.put("rejected", total - accepted.get());
    extra.put("httpMaxMs", http.get("max"));
    extra.put("appliedSamples", appliedSamples.length);
    extra.put("appliedP50Ms", app.get("p50"));
    extra.put("appliedP99Ms", app.get("p99"));
    return new BenchResult(
        "ticket-create",
        total,
        1,
        seconds,
        accepted.get() / seconds,
        0,
        http.get("p50"),
        http.get("p99"),
        extra);
  }

  private static void awaitApplied(
      BenchContext c,
      String token,
      String id,
      long sentAt,
      int n,
      long[] applied,
      AtomicInteger sampled,
      long deadline) {
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = c.api().sendGet("/api/v1/tickets/" + id, token);
        if (r.statusCode() == 200) {
          JsonNode d = JSON.readTree(r.body());
          if (d.has("status")) {
            applied[n] = System.nanoTime() - sentAt;
            sampled.incrementAndGet();
            return;
          }
        }
      } catch (Exception e) {
        // try again
      }
      LockSupport.parkNanos(5_000_000L);
    }
  }
}
