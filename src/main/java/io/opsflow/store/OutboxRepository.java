package io.opsflow.store;

import java.util.List;

/** Reads and clears the transactional outboxes, oldest first. */
public final class OutboxRepository {
  private final Database db;

  public OutboxRepository(Database db) {
    this.db = db;
  }

  public List<EventOutboxRow> nextEvents(int max) {
    return db.inTransaction(
        s ->
            s.createSelectionQuery("from EventOutboxRow order by id", EventOutboxRow.class)
                .setMaxResults(max)
                .getResultList());
  }

  public List<WorkflowOutboxRow> nextSignals(int max) {
    return db.inTransaction(
        s ->
            s.createSelectionQuery("from WorkflowOutboxRow order by id", WorkflowOutboxRow.class)
                .setMaxResults(max)
                .getResultList());
  }

  public void deleteEvents(List<Long> ids) {
    delete("EventOutboxRow", ids);
  }

  public void deleteSignals(List<Long> ids) {
    delete("WorkflowOutboxRow", ids);
  }

  /** Forgets envelope ids applied before {@code before}: the log no longer holds their records. */
  public int forgetEnvelopesBefore(java.time.Instant before) {
    return db.inTransaction(
        s ->
            s.createNativeMutationQuery("delete from processed_envelope where processed_at < :t")
                .setParameter("t", before)
                .executeUpdate());
  }

  private void delete(String entity, List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    db.inTransaction(
        s ->
            s.createMutationQuery("delete from " + entity + " where id in :ids")
                .setParameter("ids", ids)
                .executeUpdate());
  }
}
