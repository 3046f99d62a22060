package io.opsflow.escalation.model;

import java.time.Instant;
import java.util.Optional;

/** What escalation needs to know about people and on-call schedules; answered by the schedules. */
public interface Directory {
  boolean userExists(String userId);

  boolean scheduleExists(String scheduleId);

  /** The user on call for the schedule at {@code t}; empty when the schedule has nobody then. */
  Optional<String> onCallAt(String scheduleId, Instant t);

  /** Whether the schedule has at least one participant, so that it can ever reach somebody. */
  boolean scheduleEverCovers(String scheduleId);
}
