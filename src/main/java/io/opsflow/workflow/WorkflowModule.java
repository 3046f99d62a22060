package io.opsflow.workflow;

import io.javalin.config.RoutesConfig;
import io.opsflow.access.AccessModule;
import io.opsflow.config.Platform;
import io.opsflow.db.EnvelopeLedgerPruner;
import io.opsflow.db.OutboxRepository;
import io.opsflow.http.Routed;
import io.opsflow.incident.model.IncidentProcessSteps;
import io.opsflow.incident.model.IncidentWorkflow;
import io.opsflow.kafka.EventRelay;
import io.opsflow.kafka.Topics;
import io.opsflow.sla.model.SlaProcessSteps;
import io.opsflow.ticket.model.TicketProcessSteps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process engine with the models of the workflows directory and the steps the features give it,
 * the relay of the outbox's events to Kafka, the dispatcher of its messages to the engine, the
 * pruner of the envelope ledger, and the workflow routes.
 */
public final class WorkflowModule implements AutoCloseable, Routed {
  private static final Logger log = LoggerFactory.getLogger(WorkflowModule.class);
  private final WorkflowRuntime runtime;
  private final EventRelay relay;
  private final WorkflowDispatcher dispatcher;
  private final EnvelopeLedgerPruner pruner;
  private final Parts p;

  /** What the engine runs: the steps of each process, with the routes' authenticator and audit. */
  public record Parts(
      Platform platform,
      AccessModule access,
      IncidentProcessSteps incidents,
      SlaProcessSteps sla,
      TicketProcessSteps tickets) {}

  private WorkflowModule(Parts p, OutboxRepository outbox, EventRelay relay) {
    this.p = p;
    this.relay = relay;
    this.runtime =
        WorkflowRuntime.start(
            p.platform().db().dataSource(),
            p.incidents(),
            p.sla(),
            p.tickets(),
            p.platform().config().historyLevel(),
            p.platform().config().workflowsDir().orElse(Path.of("workflows")));
    this.dispatcher =
        new WorkflowDispatcher(outbox, runtime.incidents()).tickets(runtime.tickets());
    this.pruner = new EnvelopeLedgerPruner(outbox, retention(Topics.ALERTS), p.platform().clock());
  }

  /** Starts the engine, then the relay, the dispatcher and the pruner. */
  public static WorkflowModule start(Parts p) {
    OutboxRepository outbox = new OutboxRepository(p.platform().db());
    EventRelay relay = new EventRelay(outbox, p.platform().kafka().producer());
    p.platform().wake().outbox(relay::wake);
    WorkflowModule m = new WorkflowModule(p, outbox, relay);
    m.relay.start();
    m.dispatcher.start();
    m.pruner.start();
    p.platform().wake().engine(m.dispatcher::wake);
    return m;
  }

  private static Duration retention(String topic) {
    String ms = Topics.load().definition(topic).configs().getOrDefault("retention.ms", "604800000");
    return Duration.ofMillis(Long.parseLong(ms));
  }

  /** The incident process port. */
  public IncidentWorkflow incidents() {
    return runtime.incidents();
  }

  public boolean healthy() {
    return runtime.healthy();
  }

  /** The models deployed, for the start line. */
  public List<EngineFactory.DeployedModel> deployed() {
    return runtime.deployed();
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    return List.of(new WorkflowRoutes(p.access().auth(), runtime, p.access().audit())::register);
  }

  /** Stops the pruner, the dispatcher and the relay, then the engine. */
  @Override
  public void close() {
    for (AutoCloseable part : List.<AutoCloseable>of(pruner, dispatcher, relay, runtime)) {
      try {
        part.close();
      } catch (Exception e) {
        log.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
