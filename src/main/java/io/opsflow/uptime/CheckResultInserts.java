package io.opsflow.uptime;

import io.opsflow.uptime.CheckResultStore.Stored;
import io.opsflow.uptime.model.CheckResult;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.Collection;
import java.util.function.Consumer;
import org.hibernate.Session;

/** The insert of check results for {@link CheckResultStore}, skipping envelopes stored before. */
final class CheckResultInserts {
  private CheckResultInserts() {}

  static int insert(Session session, Collection<Stored> results, Consumer<Stored> stored) {
    int[] n = new int[1];
    session.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into check_result (envelope_id, organization_id, service_id, check_id,"
                      + " ok, at_ms, latency_ms, detail) select ?, ?, ?, ?, ?, ?, ?, ?"
                      + " where not exists (select 1 from check_result where envelope_id = ?)")) {
            for (Stored s : results) {
              CheckResult r = s.result();
              ps.setString(1, s.envelopeId());
              ps.setString(2, s.organizationId());
              ps.setString(3, r.service());
              ps.setString(4, r.check());
              ps.setBoolean(5, r.ok());
              ps.setLong(6, r.at().toEpochMilli());
              if (r.latencyMs() == null) {
                ps.setNull(7, Types.BIGINT);
              } else {
                ps.setLong(7, r.latencyMs());
              }
              ps.setString(8, r.detail());
              ps.setString(9, s.envelopeId());
              int inserted = ps.executeUpdate();
              n[0] += inserted;
              if (inserted > 0) {
                stored.accept(s);
              }
            }
          }
        });
    return n[0];
  }
}
