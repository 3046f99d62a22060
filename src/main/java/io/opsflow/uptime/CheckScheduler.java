package io.opsflow.uptime;

import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.intake.Envelopes;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import io.opsflow.uptime.model.CheckDefinition;
import io.opsflow.uptime.model.CheckResult;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the checks of {@code sla/checks.yaml} on a small thread pool, each every its interval (first
 * run spread over up to 5 s), and publishes each result to {@code opsflow.checks} as opsflow's own
 * integration of the check's organization: they are stored like results sent from outside.
 */
public final class CheckScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CheckScheduler.class);

  private final ScheduledExecutorService pool;
  private final HttpChecker checker;
  private final Publisher publisher;
  private final InternalIntegrations integrations;

  public CheckScheduler(
      HttpChecker checker, Publisher publisher, InternalIntegrations integrations, int threads) {
    this.checker = checker;
    this.publisher = publisher;
    this.integrations = integrations;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newScheduledThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "opsflow-check-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  public void start(List<CheckDefinition> checks) {
    for (CheckDefinition c : checks) {
      long first = ThreadLocalRandom.current().nextLong(Math.min(5_000, c.interval().toMillis()));
      pool.scheduleWithFixedDelay(
          () -> runOnce(c), first, c.interval().toMillis(), TimeUnit.MILLISECONDS);
    }
    if (!checks.isEmpty()) {
      log.info("running {} synthetic check(s)", checks.size());
    }
  }

  /** Runs a check and publishes its result; a failure to publish is logged, never thrown. */
  public CheckResult runOnce(CheckDefinition c) {
    CheckResult r = checker.run(c);
    try {
      publish(c.organizationId(), r);
    } catch (RuntimeException e) {
      log.warn("result of check {} not published: {}", c.id(), e.toString());
    }
    return r;
  }

  void publish(String organization, CheckResult r) {
    publisher.publish(
        Topics.CHECKS,
        r.service(),
        Envelopes.of(
            EnvelopeTypes.CHECK_RESULT,
            integrations.of(organization),
            r.service(),
            CheckResultFormat.write(r)));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
