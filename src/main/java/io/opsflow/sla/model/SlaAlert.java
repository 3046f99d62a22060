package io.opsflow.sla.model;

import java.util.Map;

/**
 * An alert opsflow raises about itself (a late heartbeat, a fast-burning uptime SLO): it takes the
 * path every alert takes, so it opens, groups (by {@code dedupKey}) and resolves incidents.
 */
public record SlaAlert(
    String organizationId,
    String dedupKey,
    Action action,
    String summary,
    String source,
    String severity,
    Map<String, String> details) {

  public enum Action {
    TRIGGER,
    RESOLVE
  }
}
