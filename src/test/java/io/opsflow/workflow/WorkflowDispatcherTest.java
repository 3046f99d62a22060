package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.db.Database;
import io.opsflow.db.OutboxRepository;
import io.opsflow.incident.model.IncidentWorkflow;
import io.opsflow.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signals of different incidents go in parallel; one incident's keep their order. */
class WorkflowDispatcherTest {
  private TestDatabase testDb;
  private Database db;
  private OutboxRepository outbox;
  private final AtomicInteger nextId = new AtomicInteger();

  @BeforeEach
  void open() {
    testDb = TestDatabase.create();
    db = Database.open(testDb.url(), testDb.user(), testDb.password(), 4);
    outbox = new OutboxRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
    testDb.close();
  }

  @Test
  void eachIncidentsSignalsKeepTheirOrderWhileIncidentsRunInParallel() {
    for (int i = 0; i < 8; i++) {
      signal("inc-" + i, "START");
    }
    for (int i = 0; i < 8; i++) {
      signal("inc-" + i, "ACKNOWLEDGE");
    }
    for (int i = 0; i < 8; i++) {
      signal("inc-" + i, "RESOLVE");
    }
    Recording workflow = new Recording(null);
    WorkflowDispatcher dispatcher = new WorkflowDispatcher(outbox, workflow, 4);
    try {
      assertThat(dispatcher.drainOnce()).isEqualTo(24);
    } finally {
      dispatcher.close();
    }

    for (int i = 0; i < 8; i++) {
      assertThat(workflow.calls.get("inc-" + i)).containsExactly("start", "acknowledge", "resolve");
    }
    assertThat(workflow.maxConcurrent.get()).isGreaterThan(1);
    assertThat(outbox.nextSignals(100)).isEmpty();
  }

  @Test
  void aFailedSignalHoldsBackOnlyItsIncident() {
    signal("inc-bad", "START");
    signal("inc-good", "START");
    signal("inc-bad", "ACKNOWLEDGE");
    signal("inc-good", "ACKNOWLEDGE");
    Recording workflow = new Recording("inc-bad");
    WorkflowDispatcher dispatcher = new WorkflowDispatcher(outbox, workflow, 4);
    try {
      assertThatThrownBy(dispatcher::drainOnce).hasMessageContaining("inc-bad");
    } finally {
      dispatcher.close();
    }

    assertThat(workflow.calls.get("inc-good")).containsExactly("start", "acknowledge");
    assertThat(workflow.calls.get("inc-bad")).containsExactly("start");
    assertThat(outbox.nextSignals(100))
        .extracting(r -> r.incidentId() + ":" + r.kind())
        .containsExactly("inc-bad:START", "inc-bad:ACKNOWLEDGE");
  }

  @Test
  void aSignalTriedBeforeIsDeliveredAsMaybeDoneSoTheStartLooksForAnEarlierProcess() {
    signal("inc-bad", "START");
    signal("inc-good", "START");
    WorkflowDispatcher failing = new WorkflowDispatcher(outbox, new Recording("inc-bad"), 4);
    try {
      assertThatThrownBy(failing::drainOnce).hasMessageContaining("inc-bad");
    } finally {
      failing.close();
    }
    assertThat(outbox.nextSignals(100)).extracting(r -> r.attempts()).containsExactly(1);

    Recording workflow = new Recording(null);
    WorkflowDispatcher dispatcher = new WorkflowDispatcher(outbox, workflow, 4);
    try {
      signal("inc-new", "START");
      assertThat(dispatcher.drainOnce()).isEqualTo(2);
    } finally {
      dispatcher.close();
    }
    assertThat(workflow.calls.get("inc-bad")).containsExactly("start (tried before)");
    assertThat(workflow.calls.get("inc-new")).containsExactly("start");
    assertThat(outbox.nextSignals(100)).isEmpty();
  }

  @Test
  void oneWorkerDeliversInOrder() {
    signal("inc-a", "START");
    signal("inc-b", "START");
    signal("inc-a", "RESOLVE");
    Recording workflow = new Recording(null);
    WorkflowDispatcher dispatcher = new WorkflowDispatcher(outbox, workflow, 1);
    try {
      assertThat(dispatcher.drainOnce()).isEqualTo(3);
    } finally {
      dispatcher.close();
    }
    assertThat(workflow.calls.get("inc-a")).containsExactly("start", "resolve");
    assertThat(workflow.maxConcurrent.get()).isEqualTo(1);
  }

  private void signal(String incidentId, String kind) {
    int id = nextId.incrementAndGet();
    db.inTransaction(
        s ->
            s.createNativeMutationQuery(
                    "insert into workflow_outbox (id, incident_id, organization_id, kind, at)"
                        + " values (:id, :incident, 'org', :kind, :at)")
                .setParameter("id", (long) id)
                .setParameter("incident", incidentId)
                .setParameter("kind", kind)
                .setParameter("at", Instant.parse("2026-01-01T00:00:00Z"))
                .executeUpdate());
  }

  /** Records the calls per incident; START of {@code failing} throws. */
  private static final class Recording implements IncidentWorkflow {
    final Map<String, List<String>> calls = new ConcurrentHashMap<>();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    private final String failing;

    Recording(String failing) {
      this.failing = failing;
    }

    private void call(String incidentId, String what) {
      int now = concurrent.incrementAndGet();
      maxConcurrent.accumulateAndGet(now, Math::max);
      try {
        calls
            .computeIfAbsent(
                incidentId, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
            .add(what);
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        concurrent.decrementAndGet();
      }
      if (what.startsWith("start") && incidentId.equals(failing)) {
        throw new IllegalStateException("start of " + incidentId + " failed");
      }
    }

    @Override
    public void start(String incidentId, String organizationId, Instant openedAt) {
      call(incidentId, "start (tried before)");
    }

    @Override
    public void start(
        String incidentId, String organizationId, Instant openedAt, boolean firstDelivery) {
      call(incidentId, firstDelivery ? "start" : "start (tried before)");
    }

    @Override
    public void acknowledge(String incidentId, String actor) {
      call(incidentId, "acknowledge");
    }

    @Override
    public void resolve(String incidentId, String actor) {
      call(incidentId, "resolve");
    }

    @Override
    public void escalate(String incidentId, String actor) {
      call(incidentId, "escalate");
    }

    @Override
    public void startSla(String clockId) {
      call(clockId, "startSla");
    }

    @Override
    public void updateSla(String clockId) {
      call(clockId, "updateSla");
    }

    @Override
    public boolean isRunning(String incidentId) {
      return false;
    }
  }
}
