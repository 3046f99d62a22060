package io.opsflow;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opsflow.access.AdminToken;
import io.opsflow.access.Authenticator;
import io.opsflow.access.SignInFailures;
import io.opsflow.access.TokenRepository;
import io.opsflow.access.TokenRoutes;
import io.opsflow.access.Tokens;
import io.opsflow.access.UserRoutes;
import io.opsflow.access.UserStore;
import io.opsflow.access.WebSessions;
import io.opsflow.config.DataDirLock;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.db.Audit;
import io.opsflow.db.ConsumerOffsets;
import io.opsflow.db.Database;
import io.opsflow.db.EnvelopeLedgerPruner;
import io.opsflow.db.OutboxRepository;
import io.opsflow.escalation.OnCallRoutes;
import io.opsflow.escalation.config.OnCallConfig;
import io.opsflow.http.HealthRoutes;
import io.opsflow.http.HttpServer;
import io.opsflow.http.PortCheck;
import io.opsflow.incident.AlertRecordHandler;
import io.opsflow.incident.CommandRecordHandler;
import io.opsflow.incident.IncidentActions;
import io.opsflow.incident.IncidentEventCodec;
import io.opsflow.incident.IncidentQueries;
import io.opsflow.incident.IncidentRoutes;
import io.opsflow.incident.IncidentSteps;
import io.opsflow.incident.model.IncidentWorkflow;
import io.opsflow.intake.IntakeRoutes;
import io.opsflow.kafka.ConsumerLoop;
import io.opsflow.kafka.EmbeddedKafka;
import io.opsflow.kafka.EventRelay;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import io.opsflow.notify.Adapters;
import io.opsflow.notify.EffectPorts;
import io.opsflow.notify.Effects;
import io.opsflow.pages.Pages;
import io.opsflow.sla.SlaClocks;
import io.opsflow.sla.SlaConfig;
import io.opsflow.sla.SlaReportRoutes;
import io.opsflow.sla.SlaReports;
import io.opsflow.sla.SlaSettingsRoutes;
import io.opsflow.sla.SlaSteps;
import io.opsflow.slack.SlackCommandsModule;
import io.opsflow.slack.reply.SlackReplies;
import io.opsflow.ticket.IncidentTickets;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.TicketAlerts;
import io.opsflow.ticket.TicketApplier;
import io.opsflow.ticket.TicketEventCodec;
import io.opsflow.ticket.TicketQueries;
import io.opsflow.ticket.TicketRecordHandler;
import io.opsflow.ticket.TicketRoutes;
import io.opsflow.ticket.TicketSteps;
import io.opsflow.ticket.TicketTimelines;
import io.opsflow.ticket.mail.ImapSettings;
import io.opsflow.ticket.mail.MailIdentity;
import io.opsflow.ticket.mail.MailIntake;
import io.opsflow.ticket.mail.MailProcessor;
import io.opsflow.ticket.mail.MailQuarantine;
import io.opsflow.ticket.mail.MailRecords;
import io.opsflow.ticket.mail.MailRoutes;
import io.opsflow.ticket.model.TicketMails;
import io.opsflow.ticket.model.TicketPage;
import io.opsflow.uptime.InternalIntegrations;
import io.opsflow.uptime.MaintenanceHolds;
import io.opsflow.uptime.MaintenanceTimeline;
import io.opsflow.uptime.Uptime;
import io.opsflow.uptime.model.MaintenanceCalendar;
import io.opsflow.webhook.WebhookDispatcher;
import io.opsflow.webhook.WebhookPolicy;
import io.opsflow.webhook.WebhookRecordHandler;
import io.opsflow.webhook.WebhookRoutes;
import io.opsflow.webhook.WebhookStore;
import io.opsflow.workflow.WorkflowDispatcher;
import io.opsflow.workflow.WorkflowRoutes;
import io.opsflow.workflow.WorkflowRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part by hand, in dependency order, and stops them in reverse.
 * Nothing is found by classpath scanning; what runs is what this file wires.
 */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  public static final String ALERTS_GROUP = "opsflow-incidents";
  public static final String COMMANDS_GROUP = "opsflow-commands";
  public static final String WEBHOOKS_GROUP = "opsflow-webhooks";
  public static final String CHECKS_GROUP = "opsflow-checks";
  public static final String TICKETS_GROUP = "opsflow-tickets";

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private volatile boolean ready;
  private String bootstrap;
  private Database db;
  private Effects effects;
  private SlaConfig slaConfig;
  private volatile int httpPort;
  private Path adminTokenFile;
  private long startupMillis;
  private Path oncallDir;
  private IncidentWorkflow incidentWorkflow;
  private MailIntake mailIntake;
  private Uptime uptime;
  private final List<ConsumerLoop> consumers = new java.util.ArrayList<>();

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

  private void boot(OpsflowConfig config) {
    long t0 = System.nanoTime();
    PortCheck.requireFree(config.httpPort());
    running.push(DataDirLock.acquire(config.dataDir()));
    createDirectories(config.dataDir());
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    bindJvmMetrics(metrics);

    if (config.embeddedKafka()) {
      EmbeddedKafka kafka = EmbeddedKafka.start(config.dataDir().resolve("kafka"), 0);
      running.push(kafka);
      bootstrap = kafka.bootstrapServers();
    } else {
      bootstrap = config.kafkaBootstrap().orElseThrow();
    }
    KafkaClients clients = new KafkaClients(bootstrap);
    running.push(clients);
    Topics.load().ensure(clients.admin());

    db =
        Database.open(
            config.jdbcUrl(),
            config.dbUser().orElse(null),
            config.dbPassword().orElse(null),
            // alert consumers, 4 workflow dispatchers (up to 2 connections each), up to 10 engine
            // job threads, 8 effect workers, the drainers and the HTTP routes
            24);
    running.push(db);

    TokenRepository tokenRepository = new TokenRepository(db);
    Tokens tokens = new Tokens(tokenRepository);
    adminTokenFile = AdminToken.bootstrap(config, tokens);

    KafkaProducer<byte[], byte[]> producer = clients.producer();
    OutboxRepository outbox = new OutboxRepository(db);
    IncidentEventCodec codec = new IncidentEventCodec();
    EventRelay relay = new EventRelay(outbox, producer);
    oncallDir = config.oncallDir();
    OnCallConfig oncall = OnCallConfig.start(oncallDir, Clock.systemUTC());
    oncall.watch(java.time.Duration.ofSeconds(10));
    running.push(oncall);

    slaConfig = SlaConfig.load(config.slaDir());
    SlaClocks clocks = new SlaClocks(slaConfig::settings, Clock.systemUTC(), metrics);
    EffectPorts ports = Adapters.ports(config);
    effects = Effects.start(config, ports, db, metrics, Clock.systemUTC(), clocks);
    TicketTimelines ticketTimelines = new TicketTimelines(new TicketEventCodec());
    clocks.tickets(ticketTimelines);
    effects.timelines(ticketTimelines);
    running.push(effects);
    IncidentSteps steps =
        new IncidentSteps(
            db,
            codec,
            () -> {
              relay.wake();
              effects.wake();
            },
            oncall::snapshot,
            Clock.systemUTC(),
            effects.recorder());
    effects
        .recorder()
        .maintenanceHolds(
            new MaintenanceHolds(
                () -> uptime == null ? MaintenanceCalendar.none() : uptime.maintenanceCalendar(),
                () -> oncall.snapshot().services()));

    TicketApplier ticketApplier =
        new TicketApplier(
            clocks,
            new TicketEventCodec(),
            new TicketMails(() -> config.publicUrl(httpPort)),
            config.smtpConfigured(),
            config.tickets().ticketPagePriorities(),
            new TicketAlerts(
                new InternalIntegrations(tokens, tokenRepository, TicketPage.INTEGRATION)::of));
    effects
        .recorder()
        .incidentTickets(
            new IncidentTickets(ticketApplier, config.tickets().incidentTicketPriorities()));
    TicketSteps ticketSteps =
        new TicketSteps(
            db,
            ticketApplier,
            clocks,
            config.tickets().autoCloseAfter(),
            () -> {
              relay.wake();
              effects.wake();
            },
            Clock.systemUTC());
    WorkflowRuntime workflow =
        WorkflowRuntime.start(
            db.dataSource(),
            steps,
            new SlaSteps(
                    db,
                    clocks,
                    codec,
                    effects.recorder(),
                    () -> {
                      relay.wake();
                      effects.wake();
                    },
                    Clock.systemUTC(),
                    metrics)
                .oncall(oncall::snapshot),
            ticketSteps,
            config.historyLevel(),
            workflowsDir(config));
    running.push(workflow);
    incidentWorkflow = workflow.incidents();
    WorkflowDispatcher dispatcher =
        new WorkflowDispatcher(outbox, workflow.incidents()).tickets(workflow.tickets());
    Topics topics = Topics.load();
    EnvelopeLedgerPruner pruner =
        new EnvelopeLedgerPruner(outbox, retention(topics, Topics.ALERTS), Clock.systemUTC());
    relay.start();
    dispatcher.start();
    pruner.start();
    running.push(relay);
    running.push(dispatcher);
    running.push(pruner);

    Runnable afterCommit =
        () -> {
          relay.wake();
          dispatcher.wake();
          effects.wake();
        };
    BooleanSupplier dbUp = db::healthy;
    ConsumerOffsets offsets = new ConsumerOffsets(db);
    for (int i = 0; i < config.alertConsumers(); i++) {
      // one partition is only ever read by one member, so members never race on an incident
      startLoop(
          new ConsumerLoop(
              bootstrap,
              ALERTS_GROUP,
              config.instanceId() + "-" + i,
              Topics.ALERTS,
              new AlertRecordHandler(
                  ALERTS_GROUP, db, codec, afterCommit, metrics, effects.recorder()),
              producer,
              dbUp,
              topic -> offsets.positions(ALERTS_GROUP, topic),
              metrics));
    }
    startLoop(
        new ConsumerLoop(
            bootstrap,
            COMMANDS_GROUP,
            config.instanceId(),
            Topics.COMMANDS,
            new CommandRecordHandler(
                COMMANDS_GROUP, db, codec, afterCommit, metrics, effects.recorder()),
            producer,
            dbUp,
            topic -> offsets.positions(COMMANDS_GROUP, topic),
            metrics));

    WebhookStore webhooks = new WebhookStore(db);
    WebhookDispatcher webhookDispatcher =
        new WebhookDispatcher(
            webhooks,
            WebhookPolicy.of(
                config.webhookFirstRetry(),
                config.webhookGiveUpAfter(),
                config.webhookAllowPrivate()),
            Clock.systemUTC());
    webhookDispatcher.start();
    running.push(webhookDispatcher);
    startLoop(
        new ConsumerLoop(
            bootstrap,
            WEBHOOKS_GROUP,
            config.instanceId(),
            Topics.EVENTS,
            new WebhookRecordHandler(
                WEBHOOKS_GROUP, db, webhookDispatcher::wake, Clock.systemUTC()),
            producer,
            dbUp,
            topic -> offsets.positions(WEBHOOKS_GROUP, topic),
            metrics));

    Authenticator auth = new Authenticator(tokens);
    Publisher publisher = new Publisher(producer);
    startLoop(
        new ConsumerLoop(
            bootstrap,
            TICKETS_GROUP,
            config.instanceId(),
            Topics.TICKETS,
            new TicketRecordHandler(TICKETS_GROUP, db, ticketApplier, afterCommit, metrics),
            producer,
            dbUp,
            topic -> offsets.positions(TICKETS_GROUP, topic),
            metrics));
    UserStore users = new UserStore(db);
    Audit audit = new Audit(db);
    TicketQueries ticketQueries = new TicketQueries(db, clocks);
    TicketActions ticketActions =
        new TicketActions(ticketQueries, users, publisher, Clock.systemUTC());
    MailQuarantine quarantine = new MailQuarantine(db);
    Optional<MailProcessor> mail = Optional.empty();
    if (config.imapConfigured()) {
      ImapSettings imap = ImapSettings.parse(config.imapUrl().orElseThrow());
      mail = Optional.of(mailProcessor(config, ports, users, quarantine, publisher));
      Duration every = config.tickets().imapPoll();
      mailIntake = new MailIntake(imap, mail.get(), every, metrics, Clock.systemUTC());
      running.push(mailIntake);
    }
    uptime =
        Uptime.start(
            config.slaDir(),
            new Uptime.Parts(
                db,
                publisher,
                auth,
                tokens,
                tokenRepository,
                CHECKS_GROUP,
                metrics,
                config.checkResultRetention()),
            Clock.systemUTC());
    running.push(uptime);
    MaintenanceTimeline maintenanceTimeline =
        new MaintenanceTimeline(db, () -> oncall.snapshot().services(), effects.recorder());
    uptime.onMaintenanceTransition(maintenanceTimeline::record);
    startLoop(
        new ConsumerLoop(
            bootstrap,
            CHECKS_GROUP,
            config.instanceId(),
            Topics.CHECKS,
            uptime.checkHandler(),
            producer,
            dbUp,
            topic -> offsets.positions(CHECKS_GROUP, topic),
            metrics));
    IncidentQueries queries = new IncidentQueries(db, clocks);
    IncidentActions actions = new IncidentActions(queries, publisher, audit);
    SlackCommandsModule slack =
        SlackCommandsModule.start(
            new SlackCommandsModule.Parts(
                config.slackSigningSecret(),
                config.slackApiUrl(),
                () -> config.publicUrl(httpPort),
                db,
                queries,
                ticketQueries,
                users,
                tokenRepository,
                oncall::snapshot,
                new InternalIntegrations(tokens, tokenRepository, SlackReplies.INTEGRATION)::of,
                // Slack waits 3 s for its answer: give up on the broker's acknowledgement before
                new Publisher(producer, java.time.Duration.ofSeconds(2)),
                Clock.systemUTC()));
    running.push(slack);
    Map<String, BooleanSupplier> components = new LinkedHashMap<>();
    components.put("db", dbUp);
    components.put("kafka", clients::healthy);
    components.put("engine", workflow::healthy);
    components.put("consumers", () -> consumers.stream().allMatch(ConsumerLoop::alive));
    Pages pages =
        new Pages(
            new Pages.Parts(
                new WebSessions(db),
                tokens,
                users,
                audit,
                ticketQueries,
                ticketActions,
                new SignInFailures(db)),
            config.tickets(),
            Clock.systemUTC());
    List<Consumer<RoutesConfig>> routes =
        new ArrayList<>(
            List.of(
                new HealthRoutes(components, () -> integrations(config), () -> ready, metrics)
                    ::register,
                new IntakeRoutes(auth, publisher)::register,
                new IncidentRoutes(auth, queries, actions)::register,
                new TokenRoutes(auth, tokens, tokenRepository, audit)::register,
                new TicketRoutes(auth, ticketQueries, ticketActions, users)::register,
                new UserRoutes(auth, users, audit)::register,
                new MailRoutes(auth, quarantine, mail, audit)::register,
                pages::register,
                new OnCallRoutes(auth, oncall, audit)::register,
                new WorkflowRoutes(auth, workflow, audit)::register,
                new SlaReportRoutes(auth, new SlaReports(db, slaConfig::settings))::register,
                new SlaSettingsRoutes(
                        auth,
                        slaConfig,
                        () -> {
                          int moved = db.inTransaction(clocks::retargetRunning);
                          dispatcher.wake();
                          return moved;
                        },
                        Clock.systemUTC(),
                        audit)
                    ::register,
                new WebhookRoutes(
                        auth,
                        webhooks,
                        webhookDispatcher::wake,
                        Clock.systemUTC(),
                        config.webhookAllowPrivate(),
                        audit)
                    ::register,
                slack::register));
    routes.addAll(uptime.routes());
    HttpServer http = new HttpServer(routes, metrics, List.of(pages.errors()));
    running.push(http);
    httpPort = http.start("0.0.0.0", config.httpPort());
    ready = true;
    if (mailIntake != null) {
      mailIntake.start();
    }
    startupMillis = (System.nanoTime() - t0) / 1_000_000;
    log.info(
        "opsflow started in {} ms: http://127.0.0.1:{} kafka={} db={} engine models={}",
        startupMillis,
        httpPort,
        bootstrap,
        db.vendor(),
        workflow.deployed());
    integrations(config).forEach((k, v) -> log.info("integration {}: {}", k, v));
    if (adminTokenFile != null) {
      log.info("admin token stored in {}", adminTokenFile.toAbsolutePath());
    }
  }

  private void startLoop(ConsumerLoop loop) {
    Thread t = new Thread(loop, "opsflow-consumer-" + running.size());
    t.start();
    running.push(loop);
    consumers.add(loop);
  }

  private static java.time.Duration retention(Topics topics, String topic) {
    String ms = topics.definition(topic).configs().getOrDefault("retention.ms", "604800000");
    return java.time.Duration.ofMillis(Long.parseLong(ms));
  }

  private static Path workflowsDir(OpsflowConfig config) {
    return config.workflowsDir().orElse(Path.of("workflows"));
  }

  /** Inbound mail: tickets and comments from the support mailbox, through opsflow.tickets. */
  private MailProcessor mailProcessor(
      OpsflowConfig config,
      EffectPorts ports,
      UserStore users,
      MailQuarantine quarantine,
      Publisher publisher) {
    MailRecords records = new MailRecords(db);
    return new MailProcessor(
        new MailProcessor.Parts(
            users,
            records,
            quarantine,
            (ticketId, event) -> publisher.publish(Topics.TICKETS, ticketId, event),
            ports.mail(),
            MailIdentity.of(config.effects().mailFrom(), ports.mailDomain()),
            config.tickets().unknownSenderOrganization().map(records::organization)),
        Clock.systemUTC());
  }

  private Map<String, String> integrations(OpsflowConfig c) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("slack", c.slackConfigured() ? "configured" : "not configured");
    m.put("zoom", c.zoomConfigured() ? "configured" : "not configured");
    m.put("smtp", c.smtpConfigured() ? "configured" : "not configured: mail kept in the outbox");
    m.put("imap", mailIntake != null ? mailIntake.status() : "not configured");
    return m;
  }

  private static void bindJvmMetrics(PrometheusMeterRegistry metrics) {
    new ClassLoaderMetrics().bindTo(metrics);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create data dir " + dir, e);
    }
  }

  public int httpPort() {
    return httpPort;
  }

  public String kafkaBootstrap() {
    return bootstrap;
  }

  /** The effect outbox and its dispatcher. */
  public Effects effects() {
    return effects;
  }

  public Database database() {
    return db;
  }

  public IncidentWorkflow incidentWorkflow() {
    return incidentWorkflow;
  }

  /** Maintenance windows, checks, uptime and heartbeats. */
  public Uptime uptime() {
    return uptime;
  }

  /** The reader of the support mailbox, when {@code OPSFLOW_IMAP_URL} is set. */
  public Optional<MailIntake> mailIntake() {
    return Optional.ofNullable(mailIntake);
  }

  public Path oncallDir() {
    return oncallDir;
  }

  /** The SLA calendars and policies in force, and their directory. */
  public SlaConfig slaConfig() {
    return slaConfig;
  }

  public long startupMillis() {
    return startupMillis;
  }

  public boolean ready() {
    return ready;
  }

  /** Stops intake first, then consumers (finishing their batch), outboxes, engine, db, broker. */
  @Override
  public synchronized void close() {
    ready = false;
    while (!running.isEmpty()) {
      AutoCloseable part = running.pop();
      try {
        part.close();
      } catch (Exception e) {
        log.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
