package io.opsflow;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opsflow.access.AccessModule;
import io.opsflow.config.DataDirLock;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.config.Platform;
import io.opsflow.db.ConsumerOffsets;
import io.opsflow.db.Database;
import io.opsflow.db.Wakeups;
import io.opsflow.escalation.EscalationModule;
import io.opsflow.http.HttpModule;
import io.opsflow.http.HttpModule.Check;
import io.opsflow.http.Metrics;
import io.opsflow.http.PortCheck;
import io.opsflow.http.Routed;
import io.opsflow.incident.IncidentModule;
import io.opsflow.intake.IntakeModule;
import io.opsflow.kafka.Consumers;
import io.opsflow.kafka.KafkaModule;
import io.opsflow.notify.NotifyModule;
import io.opsflow.pages.PagesModule;
import io.opsflow.sla.SlaModule;
import io.opsflow.sla.model.SlaProcessSteps;
import io.opsflow.slack.SlackModule;
import io.opsflow.ticket.TicketModule;
import io.opsflow.ticket.mail.MailModule;
import io.opsflow.uptime.UptimeModule;
import io.opsflow.webhook.WebhookModule;
import io.opsflow.workflow.WorkflowModule;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the modules in start order, each given what those before it offer, stopped
 * in reverse. Nothing is found by classpath scanning; what runs is what this file lists.
 */
public final class App extends Running {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private App() {}

  /** Starts everything the configuration asks for; on failure stops what was started. */
  public static App start(OpsflowConfig config) {
    App app = new App();
    try {
      app.boot(config);
      return app;
    } catch (RuntimeException | Error e) {
      app.close();
      throw e;
    }
  }

  private void boot(OpsflowConfig c) {
    long t0 = System.nanoTime();
    config = c;
    PortCheck.requireFree(c.httpPort());
    push(DataDirLock.acquire(c.dataDir()));
    PrometheusMeterRegistry metrics = Metrics.registry();
    kafka =
        push(
            KafkaModule.start(
                new KafkaModule.Parts(c.embeddedKafka(), c.dataDir(), c.kafkaBootstrap())));
    // consumers, 4 workflow dispatchers (up to 2 connections each), up to 10 engine job threads,
    // 8 effect workers, the drainers and the HTTP routes
    db = push(Database.open(c.jdbcUrl(), c.dbUser().orElse(null), c.dbPassword().orElse(null), 24));
    Platform base =
        new Platform(c, db, kafka, metrics, Clock.systemUTC(), new Wakeups(), this::publicUrl);
    AccessModule access = AccessModule.start(new AccessModule.Parts(base));
    IntakeModule intake = IntakeModule.start(new IntakeModule.Parts(base, access));
    EscalationModule oncall =
        push(EscalationModule.start(new EscalationModule.Parts(base, access)));
    sla = SlaModule.start(new SlaModule.Parts(base, access, oncall.snapshot()));
    notify = push(NotifyModule.start(new NotifyModule.Parts(base, sla.clocks())));
    IncidentModule incident =
        IncidentModule.start(
            new IncidentModule.Parts(
                base, access, oncall.snapshot(), notify.recorder(), sla.clocks()));
    maintenanceHolds(oncall);
    TicketModule ticket =
        TicketModule.start(new TicketModule.Parts(base, access, sla.clocks(), ticketPager(access)));
    incidentTickets(ticket);
    SlaProcessSteps slaSteps = sla.steps(notify.recorder(), incident.events());
    workflow =
        push(
            WorkflowModule.start(
                new WorkflowModule.Parts(
                    base, access, incident.steps(), slaSteps, ticket.steps())));
    WebhookModule webhook = push(WebhookModule.start(new WebhookModule.Parts(base, access)));
    mail = push(MailModule.start(new MailModule.Parts(base, access, notify.ports())));
    uptime = push(UptimeModule.start(new UptimeModule.Parts(base, access)));
    maintenanceTimelines(oncall);
    SlackModule slack =
        push(
            SlackModule.start(
                new SlackModule.Parts(
                    base, access, incident.queries(), ticket.queries(), oncall.snapshot())));
    PagesModule pages =
        PagesModule.start(new PagesModule.Parts(base, access, ticket.queries(), ticket.actions()));
    Consumers consumers =
        push(
            kafka.consume(
                c.instanceId(),
                db::healthy,
                new ConsumerOffsets(db),
                metrics,
                List.of(incident, ticket, webhook, uptime)));
    List<Check> health =
        List.of(
            new Check("db", db::healthy),
            new Check("kafka", kafka::healthy),
            new Check("engine", workflow::healthy),
            new Check("consumers", consumers::alive));
    List<Routed> routed =
        List.of(
            intake, incident, access, ticket, mail, pages, oncall, workflow, sla, webhook, slack,
            uptime);
    HttpModule http =
        push(
            HttpModule.start(
                new HttpModule.Parts(
                    c.httpPort(),
                    health,
                    this::integrations,
                    () -> ready,
                    metrics,
                    routed,
                    pages.errors())));
    httpPort = http.port();
    ready = true;
    mail.read();
    long startupMillis = (System.nanoTime() - t0) / 1_000_000;
    log.info(
        "opsflow started in {} ms: http://127.0.0.1:{} kafka={} db={} engine models={}",
        startupMillis,
        httpPort,
        kafka.bootstrap(),
        db.vendor(),
        workflow.deployed());
    integrations().forEach((k, v) -> log.info("integration {}: {}", k, v));
    access
        .adminTokenFile()
        .ifPresent(f -> log.info("admin token stored in {}", f.toAbsolutePath()));
  }
}
