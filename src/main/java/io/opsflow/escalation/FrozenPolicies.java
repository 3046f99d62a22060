package io.opsflow.escalation;

import io.opsflow.escalation.model.Directory;
import io.opsflow.escalation.model.EscalationPlan;
import io.opsflow.escalation.model.FrozenPolicy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.hibernate.Session;

/** The frozen escalation policy of each incident (table {@code incident_policy}). */
public final class FrozenPolicies {
  private FrozenPolicies() {}

  /**
   * Keeps {@code frozen} for the incident unless one is kept already (a retried task), and returns
   * the one in force.
   */
  public static String keep(
      Session s, String incidentId, String policyId, String frozen, long nowMs) {
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

  /**
   * Moves the incident's frozen policy in time so that step {@code step} falls due at {@code now}
   * and the later steps keep their delays after it (a response held back by a maintenance window
   * starts from the release, not from the incident's start).
   */
  public static void restartAt(
      Session s, String incidentId, int step, java.time.Instant now, Directory directory) {
    Optional<String> kept = find(s, incidentId);
    if (kept.isEmpty()) {
      return;
    }
    FrozenPolicy policy;
    try {
      policy = FrozenPolicy.fromText(kept.get());
    } catch (IllegalArgumentException e) {
      return; // unreadable: the escalation stops on it anyway
    }
    java.time.Instant due =
        new EscalationPlan(policy, policy.takenAt(), directory)
            .dueAt(step)
            .orElse(policy.takenAt());
    java.time.Instant takenAt = now.minus(java.time.Duration.between(policy.takenAt(), due));
    String moved =
        new FrozenPolicy(
                policy.policyId(),
                policy.name(),
                policy.levels(),
                policy.repeat(),
                policy.afterLastLevel(),
                takenAt)
            .toText();
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("update incident_policy set frozen = ? where incident_id = ?")) {
            ps.setString(1, moved);
            ps.setString(2, incidentId);
            ps.executeUpdate();
          }
        });
  }

  public static Optional<String> find(Session s, String incidentId) {
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
