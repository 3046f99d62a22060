package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The first beats of a new source, sent at once, all register the same one source. */
class HeartbeatRaceTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  @Test
  void concurrentFirstBeatsOfANewSourceAreAllAcceptedAndMakeOneSource() throws Exception {
    TestApp.Tenant t = app.aCustomerOrg();
    int senders = 16;
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    try {
      for (int round = 0; round < 3; round++) {
        String source = "nightly-backup-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiCalls.Resp>> beats = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
          String body = i % 2 == 0 ? null : "{\"interval\":\"PT10M\"}";
          beats.add(
              pool.submit(
                  () -> {
                    start.await();
                    return api.post("/api/v1/heartbeats/" + source, t.integration(), body);
                  }));
        }
        start.countDown();
        for (Future<ApiCalls.Resp> b : beats) {
          ApiCalls.Resp r = b.get();
          assertThat(r.status()).as(r.raw()).isEqualTo(200);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    ApiCalls.Resp list = api.get("/api/v1/heartbeats", t.sre());
    assertThat(list.body().path("items")).hasSize(3);
  }
}
