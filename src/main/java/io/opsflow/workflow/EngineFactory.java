package io.opsflow.workflow;

import io.opsflow.incident.model.IncidentProcessSteps;
import io.opsflow.sla.model.SlaProcessSteps;
import io.opsflow.ticket.model.TicketProcessSteps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Builds the Camunda engine on the application's data source and deploys the models. With {@link
 * EngineConfiguration}, the only class that may touch engine internals ({@code
 * org.camunda.bpm.engine.impl}).
 */
public final class EngineFactory {
  /** Deployment name; duplicate filtering compares against earlier deployments of this name. */
  public static final String DEPLOYMENT_NAME = "opsflow-workflows";

  private final DataSource dataSource;
  private final IncidentProcessSteps incidentSteps;
  private final SlaProcessSteps slaSteps;
  private final Options options;

  /**
   * Engine settings.
   *
   * @param historyLevel {@code none}, {@code activity}, {@code audit} or {@code full}
   * @param jobExecutorActive whether the job executor runs timers and async continuations
   * @param jobAcquisitionWait pause between job acquisitions when no jobs were found
   * @param jobAcquisitionMaxWait upper bound the pause grows to while idle
   * @param acquireByDueDate every job gets a due date, the acquisition takes the due jobs oldest
   *     first, and {@code ACT_RU_JOB.DUEDATE_} is indexed (see {@link JobDueDateIndex}); false =
   *     Camunda's unordered acquisition, which reads every open timer to find the due ones
   */
  public record Options(
      String historyLevel,
      boolean jobExecutorActive,
      Duration jobAcquisitionWait,
      Duration jobAcquisitionMaxWait,
      boolean acquireByDueDate) {
    public Options {
      Objects.requireNonNull(historyLevel, "historyLevel");
      Objects.requireNonNull(jobAcquisitionWait, "jobAcquisitionWait");
      Objects.requireNonNull(jobAcquisitionMaxWait, "jobAcquisitionMaxWait");
    }

    /**
     * Full history, job executor on, due-date acquisition, acquisition pauses of 250 ms growing to
     * at most 500 ms while idle: a timer falling due on an idle engine fires within half a second
     * (Camunda's own 5 s / 60 s would let an escalation or SLA timer fire up to a minute late). Two
     * queries a second on an idle engine are the price; on the due-date index each reads only the
     * due jobs.
     */
    public static Options defaults() {
      return new Options("full", true, Duration.ofMillis(250), Duration.ofMillis(500), true);
    }

    public Options withHistoryLevel(String level) {
      return new Options(
          level, jobExecutorActive, jobAcquisitionWait, jobAcquisitionMaxWait, acquireByDueDate);
    }

    /** Job executor on or off, with the given acquisition pauses (short ones suit tests). */
    public Options withJobExecutor(boolean active, Duration wait, Duration maxWait) {
      return new Options(historyLevel, active, wait, maxWait, acquireByDueDate);
    }

    /** Due-date acquisition on (the default) or off (for comparison in benchmarks). */
    public Options withAcquireByDueDate(boolean byDueDate) {
      return new Options(
          historyLevel, jobExecutorActive, jobAcquisitionWait, jobAcquisitionMaxWait, byDueDate);
    }
  }

  /** For engines without SLA clocks: every clock reads as stopped, so its process ends at once. */
  static final SlaProcessSteps NO_SLA = DelegateBeans.NO_SLA;

  /** The deployed version of one model, after a {@link #deploy} call. */
  public record DeployedModel(String resource, String key, int version, boolean newVersion) {
    @Override
    public String toString() {
      return resource + " -> " + key + " v" + version + (newVersion ? " (new)" : " (unchanged)");
    }
  }

  private TicketProcessSteps ticketSteps = TicketProcessSteps.NONE;

  /** The ticket process's steps (by default none: tickets are not worked). */
  public EngineFactory tickets(TicketProcessSteps steps) {
    this.ticketSteps = Objects.requireNonNull(steps, "steps");
    return this;
  }

  public EngineFactory(DataSource dataSource, IncidentProcessSteps incidentSteps) {
    this(dataSource, incidentSteps, Options.defaults());
  }

  public EngineFactory(DataSource dataSource, IncidentProcessSteps incidentSteps, Options options) {
    this(dataSource, incidentSteps, NO_SLA, options);
  }

  public EngineFactory(
      DataSource dataSource,
      IncidentProcessSteps incidentSteps,
      SlaProcessSteps slaSteps,
      Options options) {
    this.slaSteps = Objects.requireNonNull(slaSteps, "slaSteps");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.incidentSteps = Objects.requireNonNull(incidentSteps, "incidentSteps");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Builds a new engine with a name unique in this JVM; the caller closes it. */
  public ProcessEngine build() {
    return EngineConfiguration.build(
        dataSource, options, DelegateBeans.delegates(incidentSteps, slaSteps, ticketSteps));
  }

  /**
   * The named beans models may call as {@code ${name}}: exactly {@link
   * ProcessConstants#DELEGATE_BEANS}.
   */
  static Map<Object, Object> delegates(IncidentProcessSteps incidentSteps) {
    return DelegateBeans.delegates(incidentSteps, NO_SLA, TicketProcessSteps.NONE);
  }

  /** The settings of the engine's job executor, by name (for benchmarks and diagnostics). */
  public static Map<String, Object> jobExecutorSettings(ProcessEngine engine) {
    return EngineConfiguration.jobExecutorSettings(engine);
  }

  /**
   * Deploys every {@code *.bpmn} and {@code *.dmn} in {@code workflowsDir} (or, if it does not
   * exist, the copy packed under {@code workflows/} on the classpath). Unchanged models are
   * filtered out and keep their version.
   *
   * @return the latest version of every deployed model, for the start-up log
   */
  public static List<DeployedModel> deploy(ProcessEngine engine, Path workflowsDir) {
    return ModelDeployment.deploy(engine, workflowsDir);
  }
}
