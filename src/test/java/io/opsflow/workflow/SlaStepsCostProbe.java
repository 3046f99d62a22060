package io.opsflow.workflow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.incident.IncidentEventCodec;
import io.opsflow.incident.model.Triage;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.sla.SlaClockRow;
import io.opsflow.sla.SlaClocks;
import io.opsflow.sla.SlaSteps;
import io.opsflow.sla.model.SlaProcessSteps;
import io.opsflow.sla.model.SlaSettings;
import io.opsflow.testing.MutableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not a test (the name keeps it out of {@code mvn verify}): the CPU and wall time of the SLA
 * process's delegates as production runs them ({@link SlaSteps#schedule}, {@link SlaSteps#warn}) on
 * an H2 file database with opsflow's schema, over 1,000 P-0 clocks after 500 warm-up. See
 * docs/benchmarks.md, "10,000 open timers". Run with {@code mvn -o -q test
 * -Dtest=SlaStepsCostProbe}.
 */
class SlaStepsCostProbe {
  @Test
  void measure() throws Exception {
    String url =
        "jdbc:h2:file:"
            + Files.createTempDirectory("probe").resolve("db").toAbsolutePath()
            + ";DB_CLOSE_ON_EXIT=FALSE";
    Database db = Database.open(url, "sa", "", 4);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    SlaSettings settings = SlaSettings.defaults();
    SlaClocks clocks = new SlaClocks(() -> settings, clock, metrics);
    EffectRecorder recorder = new EffectRecorder(null, clock, clocks);
    IncidentEventCodec codec = new IncidentEventCodec();
    SlaProcessSteps steps = new SlaSteps(db, clocks, codec, recorder, () -> {}, clock, metrics);
    int n = 1500;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(SlaClockRow.idOf(aP0Incident(db, codec, recorder, clock.instant()), "response"));
    }
    ThreadMXBean t = ManagementFactory.getThreadMXBean();
    clock.set(Instant.parse("2026-11-23T08:50:00Z")); // past every P-0 warning (45 min)
    long[] cpu = new long[3];
    long[] wall = new long[3];
    int measured = 0;
    for (int i = 0; i < n; i++) {
      String id = ids.get(i);
      long[] c = new long[4];
      long[] w = new long[4];
      c[0] = t.getCurrentThreadCpuTime();
      w[0] = System.nanoTime();
      steps.schedule(id);
      c[1] = t.getCurrentThreadCpuTime();
      w[1] = System.nanoTime();
      steps.warn(id);
      c[2] = t.getCurrentThreadCpuTime();
      w[2] = System.nanoTime();
      steps.schedule(id);
      c[3] = t.getCurrentThreadCpuTime();
      w[3] = System.nanoTime();
      if (i >= 500) {
        measured++;
        for (int k = 0; k < 3; k++) {
          cpu[k] += c[k + 1] - c[k];
          wall[k] += w[k + 1] - w[k];
        }
      }
    }
    System.out.printf(
        "PROBE n=%d schedule cpu %.3f ms wall %.3f ms; warn cpu %.3f ms wall %.3f ms; schedule"
            + " after warn cpu %.3f ms wall %.3f ms%n",
        measured,
        cpu[0] / 1e6 / measured,
        wall[0] / 1e6 / measured,
        cpu[1] / 1e6 / measured,
        wall[1] / 1e6 / measured,
        cpu[2] / 1e6 / measured,
        wall[2] / 1e6 / measured);
    db.close();
  }

  private static String aP0Incident(
      Database db, IncidentEventCodec codec, EffectRecorder recorder, Instant at) {
    TestEngines.OnTables tables = new TestEngines.OnTables(db, codec, recorder, null, null);
    String id = tables.openIncident("k-", "Checkout slow", "error", at);
    tables.inStore(
        store ->
            new Triage()
                .prioritizeByHand(store.find(id).orElseThrow(), "P-0", "user:a", at, store));
    return id;
  }
}
