package io.opsflow.workflow;

import io.opsflow.sla.model.SlaProcessSteps;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The four tasks of the SLA clock process, each one call into {@link SlaProcessSteps}. */
final class SlaDelegates {
  private SlaDelegates() {}

  private static String clockId(DelegateExecution execution) {
    Object id = execution.getVariable(ProcessConstants.VAR_CLOCK_ID);
    return id != null ? id.toString() : execution.getProcessBusinessKey();
  }

  /** Task {@code schedule}: sets slaState, slaWarnAt and slaDueAt. */
  static final class Schedule implements JavaDelegate {
    private final SlaProcessSteps steps;

    Schedule(SlaProcessSteps steps) {
      this.steps = Objects.requireNonNull(steps, "steps");
    }

    @Override
    public void execute(DelegateExecution execution) {
      SlaProcessSteps.Schedule s = steps.schedule(clockId(execution));
      execution.setVariable(ProcessConstants.VAR_SLA_STATE, s.state());
      execution.setVariable(ProcessConstants.VAR_SLA_WARN_AT, s.warnAt());
      execution.setVariable(ProcessConstants.VAR_SLA_DUE_AT, s.dueAt());
    }
  }

  /** Task {@code warn}. */
  static final class Warn implements JavaDelegate {
    private final SlaProcessSteps steps;

    Warn(SlaProcessSteps steps) {
      this.steps = Objects.requireNonNull(steps, "steps");
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.warn(clockId(execution));
    }
  }

  /** Task {@code breach}. */
  static final class Breach implements JavaDelegate {
    private final SlaProcessSteps steps;

    Breach(SlaProcessSteps steps) {
      this.steps = Objects.requireNonNull(steps, "steps");
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.breach(clockId(execution));
    }
  }

  /** Task {@code finish}. */
  static final class Finish implements JavaDelegate {
    private final SlaProcessSteps steps;

    Finish(SlaProcessSteps steps) {
      this.steps = Objects.requireNonNull(steps, "steps");
    }

    @Override
    public void execute(DelegateExecution execution) {
      steps.finish(clockId(execution));
    }
  }
}
