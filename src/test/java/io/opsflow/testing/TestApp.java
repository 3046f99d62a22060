package io.opsflow.testing;

import io.opsflow.App;
import io.opsflow.config.ConfigLoader;
import io.opsflow.config.OpsflowConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One running opsflow for the whole test JVM, as a user runs it: the shared real broker, a fresh
 * database (H2, or PostgreSQL with the postgres profile), the engine, HTTP on a free port. Tests
 * isolate themselves by organization and integration token, as tenants do.
 */
public final class TestApp {
  /** The Slack signing secret the shared instance verifies requests with. */
  public static final String SLACK_SIGNING_SECRET = "test-signing-" + java.util.UUID.randomUUID();

  private static TestApp instance;
  private static SlackResponseServer slackResponses;

  private final App app;
  private final String adminToken;
  private final TestDatabase database;
  private final Path workflows;

  private TestApp(App app, String adminToken, TestDatabase database, Path workflows) {
    this.workflows = workflows;
    this.app = app;
    this.adminToken = adminToken;
    this.database = database;
  }

  public static synchronized TestApp shared() {
    if (instance == null) {
      String bootstrap = TestKafka.bootstrap();
      TestDatabase db = TestDatabase.create();
      String admin = "ofa_test_" + UUID.randomUUID();
      Path data = tempDir();
      Map<String, String> env = new HashMap<>();
      env.put("OPSFLOW_HTTP_PORT", "0");
      env.put("OPSFLOW_ADMIN_TOKEN", admin);
      env.put("OPSFLOW_CONFIG", data.resolve("none.yaml").toString());
      env.put("OPSFLOW_SLACK_SIGNING_SECRET", SLACK_SIGNING_SECRET);
      // answers to slash commands go to response_urls on this local server (no bot token: the
      // Slack Web API stays off)
      slackResponses = new SlackResponseServer();
      env.put("OPSFLOW_SLACK_API_URL", slackResponses.origin() + "/api/");
      // webhook retries in tenths of a second, given up after 3 s: retry tests run in seconds
      env.put("OPSFLOW_WEBHOOK_FIRST_RETRY", "PT0.1S");
      env.put("OPSFLOW_WEBHOOK_GIVE_UP_AFTER", "PT3S");
      // the tests' webhook receivers listen on 127.0.0.1
      env.put("OPSFLOW_WEBHOOK_ALLOW_PRIVATE", "true");
      env.put("OPSFLOW_SLA_DIR", copyOf(Path.of("sla"), data.resolve("sla")).toString());
      env.put("OPSFLOW_ONCALL_DIR", copyOf(Path.of("oncall"), data.resolve("oncall")).toString());
      env.put(
          "OPSFLOW_WORKFLOWS_DIR",
          copyOf(Path.of("workflows"), data.resolve("workflows")).toString());
      OpsflowConfig config =
          new ConfigLoader(env)
              .load()
              .withInfrastructure(bootstrap, db.url(), db.user(), db.password(), data);
      App app = App.start(config);
      TestApp started = new TestApp(app, admin, db, data.resolve("workflows"));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    app.close();
                    db.close();
                    slackResponses.close();
                  },
                  "test-app-shutdown"));
      instance = started;
    }
    return instance;
  }

  public App app() {
    return app;
  }

  /** The local stand-in for Slack's response_url endpoints the shared app may post to. */
  public SlackResponseServer slackResponses() {
    return slackResponses;
  }

  public String adminToken() {
    return adminToken;
  }

  /** The on-call directory the app reads: a copy of the shipped {@code oncall/}, for tests. */
  public Path oncallDir() {
    return app.oncallDir();
  }

  public TestDatabase database() {
    return database;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.httpPort();
  }

  /**
   * A fresh customer organization with an integration token (for sending alerts) and an SRE user
   * token (for reading and acting), so tests never see each other's incidents.
   */
  public record Tenant(String organization, String integration, String integrationId, String sre) {}

  public Tenant aCustomerOrg() {
    ApiCalls api = api();
    String org = "org-" + UUID.randomUUID();
    com.fasterxml.jackson.databind.JsonNode created =
        api.token(adminToken, "integration", "prometheus", org, null);
    String sre = api.token(adminToken, "user", "alice", org, "sre").path("token").asText();
    return new Tenant(org, created.path("token").asText(), created.path("id").asText(), sre);
  }

  public ApiCalls api() {
    return new ApiCalls(baseUrl());
  }

  /** The models the app deploys: a copy of the shipped {@code workflows/}, for tests to edit. */
  public Path workflowsDir() {
    return workflows;
  }

  /** A copy of a shipped directory ({@code oncall/}, {@code workflows/}, {@code sla/}) to edit. */
  public static Path copyOf(Path shipped, Path target) {
    try (Stream<Path> files = Files.walk(shipped)) {
      for (Path from : files.toList()) {
        Path to = target.resolve(shipped.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("opsflow-test-app-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
