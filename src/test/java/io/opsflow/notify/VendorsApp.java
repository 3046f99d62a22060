package io.opsflow.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.opsflow.App;
import io.opsflow.config.ConfigLoader;
import io.opsflow.config.OpsflowConfig;
import io.opsflow.fakes.FakeSlackServer;
import io.opsflow.fakes.FakeZoomServer;
import io.opsflow.kafka.EmbeddedKafka;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import io.opsflow.testing.TestDatabase;
import io.opsflow.testing.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A started opsflow with its own broker and database, Slack and Zoom configured against local fake
 * servers and, when asked, mail against GreenMail; the shipped on-call files. Closing stops
 * whatever was started.
 */
final class VendorsApp implements AutoCloseable {
  private EmbeddedKafka kafka;
  private TestDatabase db;
  private GreenMail mail;
  private FakeSlackServer slack;
  private FakeZoomServer zoom;
  private App app;
  private ApiCalls api;
  private final String admin = "ofa_test_" + UUID.randomUUID();

  private VendorsApp() {}

  /**
   * Starts it in a new temp dir named {@code dirPrefix}, {@code slackUsers} (e-mail to Slack user
   * id) known to Slack, Slack requests signed with {@code signingSecret}, GreenMail if {@code
   * withMail}.
   */
  static VendorsApp start(
      String dirPrefix, Map<String, String> slackUsers, String signingSecret, boolean withMail)
      throws IOException {
    VendorsApp v = new VendorsApp();
    try {
      v.startAll(dirPrefix, slackUsers, signingSecret, withMail);
      return v;
    } catch (IOException | RuntimeException e) {
      v.close();
      throw e;
    }
  }

  private void startAll(
      String dirPrefix, Map<String, String> slackUsers, String signingSecret, boolean withMail)
      throws IOException {
    TestKafka.trapExit();
    Path dir = Files.createTempDirectory(dirPrefix);
    kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    try (Admin a =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      Topics.load().ensure(a);
    }
    db = TestDatabase.create();
    if (withMail) {
      mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      mail.start();
    }
    slack = new FakeSlackServer();
    slackUsers.forEach(slack::addUser);
    zoom = FakeZoomServer.start();
    Map<String, String> env = new HashMap<>();
    env.put("OPSFLOW_HTTP_PORT", "0");
    env.put("OPSFLOW_ADMIN_TOKEN", admin);
    env.put("OPSFLOW_CONFIG", dir.resolve("none.yaml").toString());
    env.put("OPSFLOW_SLACK_BOT_TOKEN", slack.token());
    env.put("OPSFLOW_SLACK_SIGNING_SECRET", signingSecret);
    env.put("OPSFLOW_SLACK_API_URL", slack.url());
    env.put("OPSFLOW_ZOOM_ACCOUNT_ID", zoom.accountId());
    env.put("OPSFLOW_ZOOM_CLIENT_ID", zoom.clientId());
    env.put("OPSFLOW_ZOOM_CLIENT_SECRET", zoom.clientSecret());
    env.put("OPSFLOW_ZOOM_API_URL", zoom.apiUrl());
    if (withMail) {
      env.put("OPSFLOW_SMTP_HOST", "127.0.0.1");
      env.put("OPSFLOW_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
      env.put("OPSFLOW_MAIL_FROM", "opsflow@ops.example");
    }
    env.put(
        "OPSFLOW_ONCALL_DIR", TestApp.copyOf(Path.of("oncall"), dir.resolve("oncall")).toString());
    OpsflowConfig config =
        new ConfigLoader(env)
            .load()
            .withInfrastructure(
                kafka.bootstrapServers(), db.url(), db.user(), db.password(), dir.resolve("data"));
    app = App.start(config);
    api = new ApiCalls("http://127.0.0.1:" + app.httpPort());
  }

  App app() {
    return app;
  }

  ApiCalls api() {
    return api;
  }

  String admin() {
    return admin;
  }

  FakeSlackServer slack() {
    return slack;
  }

  FakeZoomServer zoom() {
    return zoom;
  }

  /** GreenMail; null unless started with mail. */
  GreenMail mail() {
    return mail;
  }

  @Override
  public void close() {
    if (app != null) {
      app.close();
    }
    if (zoom != null) {
      zoom.close();
    }
    if (slack != null) {
      slack.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (mail != null) {
      mail.stop();
    }
    if (db != null) {
      db.close();
    }
  }
}
