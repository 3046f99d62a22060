package io.opsflow.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * The engine's configuration for {@link EngineFactory}: with it, the only class that may touch
 * engine internals ({@code org.camunda.bpm.engine.impl}).
 */
final class EngineConfiguration {
  private static final AtomicInteger ENGINES = new AtomicInteger();

  private EngineConfiguration() {}

  /** A new engine with a name unique in this JVM. */
  static ProcessEngine build(
      DataSource dataSource, EngineFactory.Options options, Map<Object, Object> beans) {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("opsflow-" + ENGINES.incrementAndGet());
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate("true");
    config.setHistory(options.historyLevel());
    config.setBeans(beans);
    config.setJobExecutorActivate(options.jobExecutorActive());
    config.setJobExecutor(jobExecutor(options));
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

  private static DefaultJobExecutor jobExecutor(EngineFactory.Options options) {
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
    Map<String, Object> settings = new LinkedHashMap<>();
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
}
