package io.opsflow.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.incident.HibernateIncidentStore;
import io.opsflow.incident.IncidentEventCodec;
import io.opsflow.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ledger of applied envelope ids: lookups, and forgetting ids older than the log. */
class EnvelopeLedgerTest {

  @Test
  void remembersAppliedIdsAndForgetsOnlyOldOnes() {
    try (TestDatabase fresh = TestDatabase.create();
        Database db = Database.open(fresh.url(), fresh.user(), fresh.password(), 2)) {
      Instant old = Instant.parse("2026-01-01T00:00:00Z");
      Instant recent = Instant.parse("2026-11-20T00:00:00Z");
      db.inTransaction(
          s -> {
            HibernateIncidentStore store = new HibernateIncidentStore(s, new IncidentEventCodec());
            store.markProcessed(List.of("a", "b"), old);
            store.markProcessed(List.of("c"), recent);
            return null;
          });
      Set<String> seen =
          db.inTransaction(
              s ->
                  new HibernateIncidentStore(s, new IncidentEventCodec())
                      .alreadyProcessed(List.of("a", "c", "z")));
      assertThat(seen).containsExactlyInAnyOrder("a", "c");

      int forgotten =
          new OutboxRepository(db).forgetEnvelopesBefore(Instant.parse("2026-06-01T00:00:00Z"));
      assertThat(forgotten).isEqualTo(2);
      Set<String> left =
          db.inTransaction(
              s ->
                  new HibernateIncidentStore(s, new IncidentEventCodec())
                      .alreadyProcessed(List.of("a", "b", "c")));
      assertThat(left).containsExactly("c");
    }
  }
}
