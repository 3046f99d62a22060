package io.opsflow.cli.bench;

import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** Tickets sent at the rate: when each left, how long its answer took, the id it got. */
final class TicketWave {
  final long[] sentAt;
  final long[] answer;
  final String[] ids;
  final AtomicInteger accepted = new AtomicInteger();

  TicketWave(int total) {
    sentAt = new long[total];
    answer = new long[total];
    ids = new String[total];
  }

  /** Sends the wave at {@code c.rate()} a second; returns the seconds it took. */
  double send(BenchContext c, String customer, String tag) throws InterruptedException {
    ExecutorService senders = Executors.newFixedThreadPool(Math.max(16, c.clients()));
    long period = 1_000_000_000L / c.rate();
    long t0 = System.nanoTime();
    for (int k = 0; k < ids.length; k++) {
      LockSupport.parkNanos(t0 + k * period - System.nanoTime());
      int n = k;
      senders.execute(
          () -> {
            String body =
                TicketCreation.JSON
                    .createObjectNode()
                    .put("subject", "bench " + c.runId() + " " + tag + n)
                    .put("description", "opened by opsflow bench")
                    .put("priority", "P-2")
                    .toString();
            long s = System.nanoTime();
            sentAt[n] = s;
            try {
              HttpResponse<String> r = c.api().send("/api/v1/tickets", customer, body);
              answer[n] = System.nanoTime() - s;
              if (r.statusCode() == 202) {
                ids[n] = TicketCreation.JSON.readTree(r.body()).path("id").asText();
                accepted.incrementAndGet();
              }
            } catch (Exception e) {
              answer[n] = System.nanoTime() - s;
            }
          });
    }
    senders.shutdown();
    senders.awaitTermination(c.timeout().toSeconds(), TimeUnit.SECONDS);
    return (System.nanoTime() - t0) / 1e9;
  }
}
