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
import io.opsflow.config.OpsflowConfig;
import io.opsflow.config.SlaConfig;
import io.opsflow.effect.Adapters;
import io.opsflow.effect.Effects;
import io.opsflow.escalation.config.OnCallConfig;
import io.opsflow.incident.IncidentWorkflow;
import io.opsflow.ingest.AlertRecordHandler;
import io.opsflow.ingest.CommandRecordHandler;
import io.opsflow.kafka.ConsumerLoop;
import io.opsflow.kafka.EmbeddedKafka;
import io.opsflow.kafka.IncidentEventCodec;
import io.opsflow.kafka.KafkaClients;
import io.opsflow.kafka.Topics;
import io.opsflow.outbox.EnvelopeLedgerPruner;
import io.opsflow.outbox.EventRelay;
import io.opsflow.outbox.WorkflowDispatcher;
import io.opsflow.sla.MaintenanceCalendar;
import io.opsflow.store.ConsumerOffsets;
import io.opsflow.store.Database;
import io.opsflow.store.IncidentQueries;
import io.opsflow.store.IncidentSteps;
import io.opsflow.store.MaintenanceTimeline;
import io.opsflow.store.OutboxRepository;
import io.opsflow.store.SlaClocks;
import io.opsflow.store.SlaReports;
import io.opsflow.store.SlaSteps;
import io.opsflow.store.TokenRepository;
import io.opsflow.store.WebhookStore;
import io.opsflow.uptime.Uptime;
import io.opsflow.web.AdminToken;
import io.opsflow.web.Authenticator;
import io.opsflow.web.HealthRoutes;
import io.opsflow.web.HttpServer;
import io.opsflow.web.IncidentActions;
import io.opsflow.web.IncidentRoutes;
import io.opsflow.web.IntakeRoutes;
import io.opsflow.web.OnCallRoutes;
import io.opsflow.web.Publisher;
import io.opsflow.web.SlaReportRoutes;
import io.opsflow.web.SlaSettingsRoutes;
import io.opsflow.web.TokenRoutes;
import io.opsflow.web.Tokens;
import io.opsflow.web.WebhookRoutes;
import io.opsflow.web.WorkflowRoutes;
import io.opsflow.web.slack.SlackRoutes;
import io.opsflow.web.slack.SlackSignature;
import io.opsflow.webhook.WebhookDispatcher;
import io.opsflow.webhook.WebhookPolicy;
import io.opsflow.webhook.WebhookRecordHandler;
import io.opsflow.workflow.WorkflowRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private volatile boolean ready;
  private String bootstrap;
  private Database db;
  private Effects effects;
  private SlaConfig slaConfig;
  private int httpPort;
  private Path adminTokenFile;
  private long startupMillis;
  private Path oncallDir;
  private IncidentWorkflow incidentWorkflow;
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
    effects = Effects.start(config, Adapters.ports(config), db, metrics, Clock.systemUTC(), clocks);
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
            effects.recorder(),
            () -> uptime == null ? MaintenanceCalendar.none() : uptime.maintenanceCalendar());

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
                metrics),
            config.historyLevel(),
            workflowsDir(config));
    running.push(workflow);
    incidentWorkflow = workflow.incidents();
    WorkflowDispatcher dispatcher = new WorkflowDispatcher(outbox, workflow.incidents());
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
        new MaintenanceTimeline(db, () -> oncall.snapshot().services());
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
    IncidentActions actions = new IncidentActions(queries, publisher);
    Map<String, BooleanSupplier> components = new LinkedHashMap<>();
    components.put("db", dbUp);
    components.put("kafka", clients::healthy);
    components.put("engine", workflow::healthy);
    components.put("consumers", () -> consumers.stream().allMatch(ConsumerLoop::alive));
    List<Consumer<RoutesConfig>> routes =
        new ArrayList<>(
            List.of(
                new HealthRoutes(components, () -> integrations(config), () -> ready, metrics)
                    ::register,
                new IntakeRoutes(auth, publisher)::register,
                new IncidentRoutes(auth, queries, actions)::register,
                new TokenRoutes(auth, tokens, tokenRepository)::register,
                new OnCallRoutes(auth, oncall)::register,
                new WorkflowRoutes(auth, workflow)::register,
                new SlaReportRoutes(auth, new SlaReports(db, slaConfig::settings))::register,
                new SlaSettingsRoutes(
                        auth,
                        slaConfig,
                        () -> {
                          int moved = db.inTransaction(clocks::retargetRunning);
                          dispatcher.wake();
                          return moved;
                        },
                        Clock.systemUTC())
                    ::register,
                new WebhookRoutes(
                        auth,
                        webhooks,
                        webhookDispatcher::wake,
                        Clock.systemUTC(),
                        config.webhookAllowPrivate())
                    ::register,
                new SlackRoutes(
                        config.slackSigningSecret().map(SlackSignature::new),
                        actions,
                        Clock.systemUTC())
                    ::register));
    routes.addAll(uptime.routes());
    HttpServer http = new HttpServer(routes, metrics);
    running.push(http);
    httpPort = http.start("0.0.0.0", config.httpPort());
    ready = true;
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

  private static Map<String, String> integrations(OpsflowConfig c) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("slack", c.slackConfigured() ? "configured" : "not configured");
    m.put("zoom", c.zoomConfigured() ? "configured" : "not configured");
    m.put("smtp", c.smtpConfigured() ? "configured" : "not configured: mail kept in the outbox");
    m.put("imap", c.imapConfigured() ? "configured" : "not configured");
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
