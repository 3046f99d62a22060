package io.opsflow.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.hibernate.Session;

/** The frozen escalation policy of each incident (table {@code incident_policy}). */
final class FrozenPolicies {
  private FrozenPolicies() {}

  /**
   * Keeps {@code frozen} for the incident unless one is kept already (a retried task), and returns
   * the one in force.
   */
  static String keep(Session s, String incidentId, String policyId, String frozen, long nowMs) {
    Optional<String> kept = find(s, incidentId);
    if (kept.isPresent()) {
      return kept.get();
    }
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into incident_policy (incident_id, policy_id, frozen, frozen_ms)"
                      + " values (?, ?, ?, ?)")) {
            ps.setString(1, incidentId);
            ps.setString(2, policyId);
            ps.setString(3, frozen);
            ps.setLong(4, nowMs);
            ps.executeUpdate();
          }
        });
    return frozen;
  }

  static Optional<String> find(Session s, String incidentId) {
    String[] out = new String[1];
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select frozen from incident_policy where incident_id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                out[0] = rs.getString(1);
              }
            }
          }
        });
    return Optional.ofNullable(out[0]);
  }
}
