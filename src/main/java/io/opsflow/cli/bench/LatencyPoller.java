package io.opsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The poller of {@link Latency}: lists the run's incidents back to back and takes each alert an
 * incident's eventCount now includes off its group's queue, noting its latency.
 */
final class LatencyPoller {
  private LatencyPoller() {}

  /** Polls until {@code total} alerts were seen or the deadline; {@code polls} = {count, nanos}. */
  static void poll(
      BenchApi api,
      String runId,
      Map<String, Integer> groupOf,
      Queue<long[]>[] pending,
      long[] sent,
      long[] latency,
      AtomicInteger seen,
      long[] polls,
      int total,
      long deadline) {
    while (seen.get() < total && System.nanoTime() < deadline) {
      long start = System.nanoTime();
      Iterable<JsonNode> page;
      try {
        page = api.incidents(runId);
      } catch (Exception e) {
        LockSupport.parkNanos(10_000_000L);
        continue;
      }
      long now = System.nanoTime();
      polls[0]++;
      polls[1] += now - start;
      for (JsonNode i : page) {
        Integer g = groupOf.get(i.path("alertKey").asText());
        long count = i.path("eventCount").asLong();
        for (long[] head = pending[g].peek();
            head != null && head[1] <= count;
            head = pending[g].peek()) {
          pending[g].poll();
          latency[seen.getAndIncrement()] = now - sent[(int) head[0]];
        }
      }
    }
  }
}
