package io.opsflow.workflow;

import io.opsflow.incident.model.IncidentProcessSteps;
import io.opsflow.sla.model.SlaProcessSteps;
import io.opsflow.ticket.model.TicketProcessSteps;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Builds the Camunda engine on the application's data source and deploys the models. The only class
 * that may touch engine internals ({@code org.camunda.bpm.engine.impl}).
 */
public final class EngineFactory {
  /** Deployment name; duplicate filtering compares against earlier deployments of this name. */
  public static final String DEPLOYMENT_NAME = "opsflow-workflows";

  private static final AtomicInteger ENGINES = new AtomicInteger();

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
  static final SlaProcessSteps NO_SLA =
      new SlaProcessSteps() {
        @Override
        public Schedule schedule(String clockId) {
          return Schedule.stopped();
        }

        @Override
        public void warn(String clockId) {}

        @Override
        public void breach(String clockId) {}

        @Override
        public void finish(String clockId) {}
      };

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
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("opsflow-" + ENGINES.incrementAndGet());
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate("true");
    config.setHistory(options.historyLevel());
    config.setBeans(delegates(incidentSteps, slaSteps, ticketSteps));
    config.setJobExecutorActivate(options.jobExecutorActive());
    config.setJobExecutor(jobExecutor());
    if (options.acquireByDueDate()) {
      // every job is written with a due date (now for async work), so the acquisition asks only
      // DUEDATE_ <= now, which the index answers, and takes the due jobs oldest first
      config.setEnsureJobDueDateNotNull(true);
      config.setJobExecutorAcquireByDueDate(true);
    }
    config.setMetricsEnabled(false);
    config.setDbMetricsReporterActivate(false);
    config.setTaskMetricsEnabled(false);
    config.setJavaSerializationFormatEnabled(false);
    config.setDmnEngineConfiguration(dmnEngineConfiguration());
    ProcessEngine engine = config.buildProcessEngine();
    if (options.acquireByDueDate()) {
      try {
        JobDueDateIndex.ensure(dataSource);
      } catch (RuntimeException e) {
        engine.close();
        throw e;
      }
    }
    return engine;
  }

  /**
   * The named beans models may call as {@code ${name}}: exactly {@link
   * ProcessConstants#DELEGATE_BEANS}.
   */
  static Map<Object, Object> delegates(IncidentProcessSteps incidentSteps) {
    return delegates(incidentSteps, NO_SLA);
  }

  static Map<Object, Object> delegates(
      IncidentProcessSteps incidentSteps, SlaProcessSteps slaSteps) {
    return delegates(incidentSteps, slaSteps, TicketProcessSteps.NONE);
  }

  static Map<Object, Object> delegates(
      IncidentProcessSteps incidentSteps, SlaProcessSteps slaSteps, TicketProcessSteps tickets) {
    Map<Object, Object> beans = new HashMap<>();
    beans.put(ProcessConstants.BEAN_TRIAGE_TICKET, new TicketDelegates.Triage(tickets));
    beans.put(ProcessConstants.BEAN_AUTO_CLOSE_TICKET, new TicketDelegates.AutoClose(tickets));
    beans.put(ProcessConstants.BEAN_SCHEDULE_SLA, new SlaDelegates.Schedule(slaSteps));
    beans.put(ProcessConstants.BEAN_WARN_SLA, new SlaDelegates.Warn(slaSteps));
    beans.put(ProcessConstants.BEAN_BREACH_SLA, new SlaDelegates.Breach(slaSteps));
    beans.put(ProcessConstants.BEAN_FINISH_SLA, new SlaDelegates.Finish(slaSteps));
    beans.put(ProcessConstants.BEAN_TRIAGE, new TriageDelegate(incidentSteps));
    beans.put(ProcessConstants.BEAN_FREEZE_POLICY, new FreezePolicyDelegate(incidentSteps));
    beans.put(ProcessConstants.BEAN_ESCALATE, new EscalateDelegate(incidentSteps));
    beans.put(ProcessConstants.BEAN_RECORD_CLOSED, new RecordClosedDelegate(incidentSteps));
    beans.put(
        ProcessConstants.BEAN_REMIND_STATUS_UPDATE, new RemindStatusUpdateDelegate(incidentSteps));
    return beans;
  }

  /**
   * Camunda's DMN defaults (FEEL for every cell), with the literal cells of decision tables
   * answered without the FEEL interpreter (see {@link LiteralFeelEngine}); the answers are the
   * same.
   */
  static DefaultDmnEngineConfiguration dmnEngineConfiguration() {
    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(new LiteralFeelEngine.Factory());
    return dmn;
  }

  private DefaultJobExecutor jobExecutor() {
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setWaitTimeInMillis(Math.toIntExact(options.jobAcquisitionWait().toMillis()));
    jobExecutor.setMaxWait(options.jobAcquisitionMaxWait().toMillis());
    // one acquisition locks up to 20 due jobs and the queue holds them: with Camunda's 3 and a
    // queue of 3, thousands of SLA timers falling due together fire at a few dozen a second
    jobExecutor.setMaxJobsPerAcquisition(20);
    jobExecutor.setQueueSize(40);
    jobExecutor.setCorePoolSize(4);
    jobExecutor.setMaxPoolSize(8);
    return jobExecutor;
  }

  /**
   * The settings of the engine's job executor, by name (for benchmarks and diagnostics): the
   * acquisition pauses, how many jobs one acquisition locks, the lock time and, for a thread pool
   * executor, its pool and queue sizes.
   */
  public static Map<String, Object> jobExecutorSettings(ProcessEngine engine) {
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    if (!(engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl impl)) {
      return settings;
    }
    JobExecutor executor = impl.getJobExecutor();
    settings.put("active", executor.isActive());
    settings.put("acquireByDueDate", impl.isJobExecutorAcquireByDueDate());
    settings.put("ensureJobDueDateNotNull", impl.isEnsureJobDueDateNotNull());
    settings.put("waitTimeMs", executor.getWaitTimeInMillis());
    settings.put("maxWaitMs", executor.getMaxWait());
    settings.put("waitIncreaseFactor", executor.getWaitIncreaseFactor());
    settings.put("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
    settings.put("lockTimeMs", executor.getLockTimeInMillis());
    if (executor instanceof DefaultJobExecutor pool) {
      settings.put("corePoolSize", pool.getCorePoolSize());
      settings.put("maxPoolSize", pool.getMaxPoolSize());
      settings.put("queueSize", pool.getQueueSize());
    }
    return settings;
  }

  /**
   * Deploys every {@code *.bpmn} and {@code *.dmn} in {@code workflowsDir} (or, if it does not
   * exist, the copy packed under {@code workflows/} on the classpath). Unchanged models are
   * filtered out and keep their version.
   *
   * @return the latest version of every deployed model, for the start-up log
   */
  public static List<DeployedModel> deploy(ProcessEngine engine, Path workflowsDir) {
    List<WorkflowFiles.WorkflowFile> files = WorkflowFiles.load(workflowsDir);
    if (files.isEmpty()) {
      return List.of();
    }
    RepositoryService repository = engine.getRepositoryService();
    Map<String, DeployedModel> before = latestVersions(repository, files);
    DeploymentBuilder builder =
        repository
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source("opsflow")
            .enableDuplicateFiltering(true);
    for (WorkflowFiles.WorkflowFile file : files) {
      builder.addInputStream(file.name(), new ByteArrayInputStream(file.content()));
    }
    builder.deploy();
    List<DeployedModel> result = new ArrayList<>();
    latestVersions(repository, files)
        .forEach(
            (id, model) -> {
              DeployedModel old = before.get(id);
              boolean changed = old == null || old.version() != model.version();
              result.add(
                  new DeployedModel(model.resource(), model.key(), model.version(), changed));
            });
    return List.copyOf(result);
  }

  private static Map<String, DeployedModel> latestVersions(
      RepositoryService repository, List<WorkflowFiles.WorkflowFile> files) {
    Map<String, DeployedModel> latest = new TreeMap<>();
    for (WorkflowFiles.WorkflowFile file : files) {
      if (file.isBpmn()) {
        for (ProcessDefinition definition :
            repository
                .createProcessDefinitionQuery()
                .processDefinitionResourceName(file.name())
                .list()) {
          keepLatest(latest, file.name(), definition.getKey(), definition.getVersion());
        }
      } else {
        for (DecisionDefinition definition :
            repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionResourceName(file.name())
                .list()) {
          keepLatest(latest, file.name(), definition.getKey(), definition.getVersion());
        }
      }
    }
    return latest;
  }

  private static void keepLatest(
      Map<String, DeployedModel> latest, String resource, String key, int version) {
    String id = resource + "#" + key;
    DeployedModel known = latest.get(id);
    if (known == null || known.version() < version) {
      latest.put(id, new DeployedModel(resource, key, version, false));
    }
  }
}
