package io.opsflow.workflow;

import io.opsflow.db.Drainer;
import io.opsflow.db.OutboxRepository;
import io.opsflow.db.WorkflowOutboxRow;
import io.opsflow.incident.model.IncidentWorkflow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers workflow signals to the BPM engine after the transaction that wrote them committed. Each
 * engine call is idempotent, so a signal delivered again after a crash changes nothing. This keeps
 * the engine off the alert path: only new incidents and state changes reach it, never duplicate
 * alerts.
 *
 * <p>Signals of different incidents (different SLA clocks) are independent and go to the engine on
 * up to {@code workers} threads at once; the signals of one incident go one after the other, oldest
 * first, on one thread, so START, ACKNOWLEDGE and RESOLVE keep their order. When a signal fails,
 * the later signals of the same incident wait with it for the next drain; the other incidents' are
 * delivered and cleared.
 */
public final class WorkflowDispatcher extends Drainer {
  /**
   * Threads delivering signals of different incidents at once. A worker holds the engine's database
   * connection while a task of the process opens its own transaction on a second one; with the
   * engine's job executor (3 core threads, the same nesting) at most 7 callers hold one connection
   * while waiting for another, so the application's pool of 10 cannot run dry on them alone.
   */
  public static final int DEFAULT_WORKERS = 4;

  private static final int BATCH = 200;

  private final OutboxRepository outbox;
  private final SignalDelivery delivery;
  private final ExecutorService workers;
  private final int workerCount;

  public WorkflowDispatcher(OutboxRepository outbox, IncidentWorkflow workflow) {
    this(outbox, workflow, DEFAULT_WORKERS);
  }

  /** Delivers the ticket signals to this process port (by default they are dropped). */
  public WorkflowDispatcher tickets(io.opsflow.ticket.model.TicketWorkflow tickets) {
    delivery.tickets(tickets);
    return this;
  }

  public WorkflowDispatcher(OutboxRepository outbox, IncidentWorkflow workflow, int workers) {
    super("opsflow-workflow-dispatcher", 500);
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1: " + workers);
    }
    this.outbox = outbox;
    this.delivery = new SignalDelivery(workflow);
    this.workerCount = workers;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        workers == 1
            ? null
            : Executors.newFixedThreadPool(
                workers,
                r -> {
                  Thread t = new Thread(r, "opsflow-workflow-worker-" + n.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                });
  }

  @Override
  protected int drainOnce() {
    List<WorkflowOutboxRow> rows = outbox.nextSignals(BATCH);
    if (rows.isEmpty()) {
      return 0;
    }
    outbox.markAttempted(rows.stream().map(WorkflowOutboxRow::id).toList());
    List<List<WorkflowOutboxRow>> groups = byIncident(rows);
    List<Long> done = Collections.synchronizedList(new ArrayList<>(rows.size()));
    RuntimeException failure = null;
    try {
      if (workers == null || groups.size() == 1) {
        for (List<WorkflowOutboxRow> group : groups) {
          failure = SignalDelivery.first(failure, delivery.inOrder(group, done));
        }
      } else {
        List<CompletableFuture<RuntimeException>> running = new ArrayList<>(groups.size());
        for (List<WorkflowOutboxRow> group : groups) {
          running.add(CompletableFuture.supplyAsync(() -> delivery.inOrder(group, done), workers));
        }
        for (CompletableFuture<RuntimeException> r : running) {
          failure = SignalDelivery.first(failure, r.join());
        }
      }
    } finally {
      outbox.deleteSignals(List.copyOf(done));
    }
    if (failure != null) {
      throw failure;
    }
    return rows.size();
  }

  /** The rows per incident, each incident's oldest first, incidents by their oldest row. */
  static List<List<WorkflowOutboxRow>> byIncident(List<WorkflowOutboxRow> rows) {
    Map<String, List<WorkflowOutboxRow>> groups = new LinkedHashMap<>();
    for (WorkflowOutboxRow row : rows) {
      groups.computeIfAbsent(row.incidentId(), k -> new ArrayList<>()).add(row);
    }
    return List.copyOf(groups.values());
  }

  /** Finishes the deliveries in progress, then stops. */
  @Override
  public void close() {
    super.close();
    if (workers != null) {
      workers.shutdown();
      try {
        workers.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  int workers() {
    return workerCount;
  }
}
