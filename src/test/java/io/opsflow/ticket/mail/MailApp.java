package io.opsflow.ticket.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.App;
import io.opsflow.access.UserStore;
import io.opsflow.config.ConfigLoader;
import io.opsflow.db.Database;
import io.opsflow.kafka.EmbeddedKafka;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Await;
import io.opsflow.testing.TestDatabase;
import io.opsflow.testing.TestKafka;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One opsflow with mail in and out, for the mail test classes: its own broker (the shared
 * instance's ticket consumers must not see these commands), GreenMail for SMTP and IMAP, the
 * support mailbox read every 0.2 s. Tests isolate themselves by organization and address.
 */
final class MailApp {
  static final String SUPPORT = "support@support.example";
  private static MailApp instance;

  final MailServers mail;
  final EmbeddedKafka kafka;
  final App app;
  final ApiCalls api;
  final String admin;

  private MailApp(MailServers mail, EmbeddedKafka kafka, App app, String admin) {
    this.mail = mail;
    this.kafka = kafka;
    this.app = app;
    this.admin = admin;
    this.api = new ApiCalls("http://127.0.0.1:" + app.httpPort());
  }

  /**
   * Holds the instance while a mail test class runs ({@code @ExtendWith(MailApp.Lease.class)}). It
   * is closed 30 s after the last class let go, unless another takes it: the mail classes run one
   * after the other and share one instance, whose database connections are then given back rather
   * than held until the JVM ends.
   */
  static final class Lease implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      acquire();
    }

    @Override
    public void afterAll(ExtensionContext context) {
      release();
    }
  }

  private static final ScheduledExecutorService CLOSER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mail-app-closer");
            t.setDaemon(true);
            return t;
          });
  private static int leases;
  private static ScheduledFuture<?> closing;
  private Runnable stop;

  /** The instance of the running mail test class. */
  static synchronized MailApp shared() {
    if (instance == null) {
      throw new IllegalStateException("a mail test class needs @ExtendWith(MailApp.Lease.class)");
    }
    return instance;
  }

  private static synchronized void acquire() {
    if (closing != null) {
      closing.cancel(false);
      closing = null;
    }
    if (instance == null) {
      try {
        instance = start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    leases++;
  }

  private static synchronized void release() {
    if (--leases == 0) {
      closing = CLOSER.schedule(MailApp::closeIfIdle, 30, TimeUnit.SECONDS);
    }
  }

  private static synchronized void closeIfIdle() {
    if (leases == 0) {
      stopNow();
    }
  }

  private static synchronized void stopNow() {
    if (instance != null) {
      instance.stop.run();
      instance = null;
    }
  }

  private static MailApp start() throws IOException {
    TestKafka.trapExit();
    Path dir = Files.createTempDirectory("opsflow-mail-");
    EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    try (Admin a =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      Topics.load().ensure(a);
    }
    TestDatabase db = TestDatabase.create();
    MailServers mail = new MailServers();
    String admin = "ofa_test_" + UUID.randomUUID();
    Map<String, String> env = new HashMap<>();
    env.put("OPSFLOW_HTTP_PORT", "0");
    env.put("OPSFLOW_ADMIN_TOKEN", admin);
    env.put("OPSFLOW_CONFIG", dir.resolve("none.yaml").toString());
    env.put("OPSFLOW_SMTP_HOST", "127.0.0.1");
    env.put("OPSFLOW_SMTP_PORT", Integer.toString(mail.smtpPort()));
    env.put("OPSFLOW_MAIL_FROM", "Support <" + SUPPORT + ">");
    env.put("OPSFLOW_IMAP_URL", mail.mailbox(SUPPORT, "support", "support-pw"));
    env.put("OPSFLOW_IMAP_POLL", "PT0.2S");
    App app =
        App.start(
            new ConfigLoader(env)
                .load()
                .withInfrastructure(
                    kafka.bootstrapServers(),
                    db.url(),
                    db.user(),
                    db.password(),
                    dir.resolve("data")));
    MailApp started = new MailApp(mail, kafka, app, admin);
    Thread hook = new Thread(MailApp::stopNow, "mail-app-shutdown");
    started.stop =
        () -> {
          app.close();
          kafka.close();
          mail.close();
          db.close();
          try {
            Runtime.getRuntime().removeShutdownHook(hook);
          } catch (IllegalStateException e) {
            // the JVM is stopping: this is the hook
          }
        };
    Runtime.getRuntime().addShutdownHook(hook);
    return started;
  }

  /** A customer organization with an SRE token and a customer who has a mail address. */
  record Customer(String org, String email, String sre) {}

  Customer aCustomer() {
    String org = "mail-" + UUID.randomUUID().toString().substring(0, 8);
    String sre = api.token(admin, "user", "alice", org, "sre").path("token").asText();
    String email = "carol-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    ApiCalls.Resp r =
        api.post(
            "/api/v1/users",
            admin,
            "{\"email\":\""
                + email
                + "\",\"name\":\"Carol\",\"organization\":\""
                + org
                + "\",\"role\":\"customer\"}");
    assertThat(r.status()).isEqualTo(201);
    return new Customer(org, email, sre);
  }

  /** A plain mail from {@code from} to support, as a mail program writes it. */
  MimeMessage aMail(String from, String subject, String text) throws Exception {
    MimeMessage m = mail.compose();
    m.setFrom(from);
    m.setRecipients(Message.RecipientType.TO, SUPPORT);
    m.setSubject(subject, "UTF-8");
    m.setText(text, "UTF-8");
    return m;
  }

  /** The customer's first ticket by mail, once opsflow mailed its confirmation. */
  record Opened(String id, String reference, MimeMessage confirmation) {}

  Opened aTicketByMail(Customer c, String subject) throws Exception {
    mail.send(aMail(c.email(), subject, "Something is broken."));
    JsonNode t = api.await("/api/v1/tickets", c.sre(), b -> b.path("items").size() == 1);
    JsonNode first = t.path("items").get(0);
    MimeMessage confirmation = awaitMails(c.email(), 1).get(0);
    return new Opened(first.path("id").asText(), first.path("reference").asText(), confirmation);
  }

  JsonNode awaitTicket(String id, String token, Predicate<JsonNode> p) {
    return api.await("/api/v1/tickets/" + id, token, x -> x.has("status") && p.test(x));
  }

  List<MimeMessage> awaitMails(String address, int n) {
    Await.until(n + " mail(s) to " + address, () -> mail.received(address).size() >= n);
    return mail.received(address);
  }

  /** The audit trail as the admin sees it, newest first. */
  JsonNode audit() {
    return api.get("/api/v1/audit?limit=1000", admin).body().path("items");
  }

  /**
   * A mail intake on {@code url} (read every {@code poll}) whose processor answers as {@code desk}
   * and writes through {@code log}; {@code strangersOrganization} is where mail from unknown
   * senders opens tickets (empty: refused).
   */
  MailIntake intake(
      String url,
      String desk,
      TicketLog log,
      Optional<String> strangersOrganization,
      Duration poll) {
    Database db = app.database();
    MailProcessor processor =
        new MailProcessor(
            new MailProcessor.Parts(
                new UserStore(db),
                new MailRecords(db),
                new MailQuarantine(db),
                log,
                Optional.empty(),
                MailIdentity.of(desk, "support.example"),
                strangersOrganization.map(new MailRecords(db)::organization)),
            Clock.systemUTC());
    return new MailIntake(
        ImapSettings.parse(url), processor, poll, new SimpleMeterRegistry(), Clock.systemUTC());
  }

  /** A mail from {@code from} to {@code desk}. */
  void send(String desk, String from, String subject, String text) throws Exception {
    MimeMessage m = aMail(from, subject, text);
    m.setRecipients(Message.RecipientType.TO, desk);
    mail.send(m);
  }

  /** Messages not yet marked seen in the mailbox of {@code user}. */
  int unseen(String user, String password) {
    try {
      return mail.unseen(user, password);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bodies of a ticket's comments, oldest first. */
  static List<String> bodies(JsonNode ticket) {
    List<String> out = new ArrayList<>();
    ticket.path("comments").forEach(x -> out.add(x.path("body").asText()));
    return out;
  }

  static String messageId(MimeMessage m) throws Exception {
    String raw = m.getHeader("Message-ID")[0];
    return raw.substring(1, raw.length() - 1);
  }
}
