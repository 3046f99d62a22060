package io.opsflow.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code http-alertmanager}: Alertmanager webhook batches of {@code batch} alerts per group, posted
 * by several client threads. Every group is sent once and waited for first, so the measured posts
 * are the repeats Alertmanager sends at each group interval. Throughput is accepted alerts over the
 * time from the first post until the consumer has read every accepted batch.
 */
final class HttpAlertmanager {
  private static final String PATH = "/api/v1/integrations/alertmanager";

  private HttpAlertmanager() {}

  static BenchResult run(BenchContext c) throws Exception {
    String[] bodies = new String[c.groups()];
    for (int g = 0; g < c.groups(); g++) {
      bodies[g] = webhook(c, g);
    }
    String token = c.integration().token();
    double before = c.consumed();
    for (String body : bodies) {
      if (c.api().post(PATH, token, body) != 202) {
        throw new IllegalStateException("the warm-up batch was refused");
      }
    }
    c.awaitIncidents(true);
    c.awaitConsumed(before + c.groups());
    double baseline = c.consumed();
    int requests = Math.max(1, c.alerts() / c.batch());
    long[] latency = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger accepted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(c.clients());
    long t0 = System.nanoTime();
    for (int t = 0; t < c.clients(); t++) {
      pool.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
              long s = System.nanoTime();
              try {
                if (c.api().post(PATH, token, bodies[i % bodies.length]) == 202) {
                  accepted.incrementAndGet();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              latency[i] = System.nanoTime() - s;
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(c.timeout().toSeconds(), TimeUnit.SECONDS)) {
      pool.shutdownNow();
      throw new IllegalStateException("posting did not finish within " + c.timeout());
    }
    long posted = System.nanoTime();
    long t1 = c.awaitConsumed(baseline + accepted.get());
    double seconds = (t1 - t0) / 1e9;
    long alerts = (long) accepted.get() * c.batch();
    Map<String, Double> http = BenchResult.percentiles(latency, requests);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("batch", c.batch());
    extra.put("clients", c.clients());
    extra.put("requests", requests);
    extra.put("rejected", requests - accepted.get());
    extra.put("postSeconds", BenchResult.round((posted - t0) / 1e9));
    extra.put("httpP50Ms", http.get("p50"));
    extra.put("httpP99Ms", http.get("p99"));
    return new BenchResult(
        "http-alertmanager",
        alerts,
        c.groups(),
        seconds,
        alerts / seconds,
        c.awaitIncidents().size(),
        null,
        null,
        extra);
  }

  /** One firing group: the same {@code batch} alerts (stable fingerprints) every time. */
  static String webhook(BenchContext c, int g) {
    String service = "svc-" + g;
    ObjectNode body = BenchApi.JSON.createObjectNode();
    body.put("receiver", "opsflow").put("status", "firing");
    var alerts = body.putArray("alerts");
    for (int i = 0; i < c.batch(); i++) {
      ObjectNode a = alerts.addObject();
      a.put("status", "firing");
      a.putObject("labels")
          .put("alertname", "HighErrorRate")
          .put("bench", c.runId())
          .put("service", service)
          .put("instance", "host-" + g + "-" + i + ":9100")
          .put("severity", "critical");
      a.putObject("annotations").put("summary", "HighErrorRate on host-" + g + "-" + i);
      a.put("startsAt", "2026-11-23T00:40:32.787Z").put("endsAt", "0001-01-01T00:00:00Z");
      a.put("generatorURL", "http://prometheus.example.invalid/graph");
      a.put("fingerprint", String.format("%08x%08x", g, i));
    }
    body.putObject("groupLabels").put("alertname", "HighErrorRate").put("service", service);
    body.putObject("commonLabels")
        .put("alertname", "HighErrorRate")
        .put("bench", c.runId())
        .put("service", service);
    body.putObject("commonAnnotations");
    body.put("externalURL", "http://127.0.0.1:9093").put("version", "4");
    body.put(
        "groupKey",
        "{}:{alertname=\"HighErrorRate\", bench=\""
            + c.runId()
            + "\", service=\""
            + service
            + "\"}");
    body.put("truncatedAlerts", 0);
    return body.toString();
  }
}
