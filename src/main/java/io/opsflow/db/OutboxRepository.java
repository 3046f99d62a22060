package io.opsflow.db;

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

  /**
   * Notes that delivery of these signals begins, before any reaches the engine: a signal read again
   * later (a failure, a crash) is known to have been tried.
   */
  public void markAttempted(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    db.inTransaction(
        s ->
            s.createMutationQuery(
                    "update WorkflowOutboxRow set attempts = attempts + 1 where id in :ids")
                .setParameterList("ids", ids)
                .executeUpdate());
  }

  public void deleteEvents(List<Long> ids) {
    delete("EventOutboxRow", ids);
  }

  public void deleteSignals(List<Long> ids) {
    delete("WorkflowOutboxRow", ids);
  }

  /**
   * Forgets envelope ids applied on days before {@code before}: the log no longer holds their
   * records. Deletes in chunks so no single transaction grows large.
   */
  public int forgetEnvelopesBefore(java.time.Instant before) {
    int day = EnvelopeLedger.day(before);
    int total = 0;
    while (true) {
      int n =
          db.inTransaction(
              s ->
                  s.createNativeMutationQuery(
                          "delete from envelope_ledger where id in"
                              + " (select id from envelope_ledger where applied_day < :d"
                              + " fetch first 10000 rows only)")
                      .setParameter("d", day)
                      .executeUpdate());
      total += n;
      if (n < 10_000) {
        return total;
      }
    }
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
