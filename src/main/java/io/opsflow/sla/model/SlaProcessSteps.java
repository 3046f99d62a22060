package io.opsflow.sla.model;

import java.util.Objects;

/**
 * What the SLA clock process ({@code workflows/sla.bpmn}) calls back into opsflow. Each method is
 * one BPMN task; the clock itself lives in opsflow's tables, so every step reads it afresh.
 */
public interface SlaProcessSteps {

  /**
   * Task {@code schedule}: where the clock stands now, and the instants of its warning and breach
   * timers.
   */
  Schedule schedule(String clockId);

  /** Task {@code warn}: the warning share of the target has elapsed (checked again here). */
  void warn(String clockId);

  /** Task {@code breach}: the target has passed without the clock being stopped. */
  void breach(String clockId);

  /** Task {@code finish}: the clock stopped; records whether its target was met. */
  void finish(String clockId);

  /**
   * The clock's state for the process: {@code running} (waiting for the warning at {@code warnAt}),
   * {@code warned} (waiting for the breach at {@code dueAt}), {@code breached}, {@code paused}
   * (both waiting for an update) or {@code stopped}; instants are ISO-8601, empty when not waited
   * for.
   */
  record Schedule(String state, String warnAt, String dueAt) {
    public static final String RUNNING = "running";
    public static final String WARNED = "warned";
    public static final String BREACHED = "breached";
    public static final String PAUSED = "paused";
    public static final String STOPPED = "stopped";

    public Schedule {
      Objects.requireNonNull(state, "state");
      warnAt = warnAt == null ? "" : warnAt;
      dueAt = dueAt == null ? "" : dueAt;
    }

    public static Schedule stopped() {
      return new Schedule(STOPPED, "", "");
    }
  }
}
