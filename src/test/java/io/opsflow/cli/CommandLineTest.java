package io.opsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.TestApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user types it. */
class CommandLineTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void workflowsValidatePassesOnTheShippedModels() {
    assertThat(run("workflows", "validate", "--dir", "workflows")).isZero();
    assertThat(out.toString()).contains("checked incident.bpmn").contains("models valid");
  }

  @Test
  void workflowsValidateFailsOnABrokenModel(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("broken.bpmn"),
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " targetNamespace=\"t\"><process id=\"other\" isExecutable=\"false\"/></definitions>");
    assertThat(run("workflows", "validate", "--dir", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("broken.bpmn");
  }

  @Test
  void tokensAreCreatedListedAndRevokedAgainstARunningInstance() throws Exception {
    TestApp app = TestApp.shared();
    String url = app.baseUrl();
    int created =
        run(
            "token",
            "create",
            "--url",
            url,
            "--token",
            app.adminToken(),
            "--name",
            "grafana",
            "--organization",
            "cli-org");
    assertThat(created).isZero();
    String id = CommandLineTest.field(out.toString(), "id");
    assertThat(out.toString()).contains("\"token\" : \"ofi_");
    assertThat(run("token", "list", "--url", url, "--token", app.adminToken())).isZero();
    assertThat(out.toString()).contains(id);
    assertThat(run("token", "revoke", id, "--url", url, "--token", app.adminToken())).isZero();
    assertThat(run("token", "list", "--url", url, "--token", "wrong")).isEqualTo(1);
    assertThat(err.toString()).contains("unauthorized");
  }

  @Test
  void usersAreCreatedAndListedAgainstARunningInstance() {
    TestApp app = TestApp.shared();
    String mail = "cli-" + java.util.UUID.randomUUID() + "@acme.example";
    int created =
        run(
            "user",
            "create",
            "--url",
            app.baseUrl(),
            "--token",
            app.adminToken(),
            "--email",
            mail,
            "--role",
            "customer",
            "--organization",
            "cli-org");
    assertThat(created).isZero();
    assertThat(out.toString()).contains("\"role\" : \"customer\"").contains("cli-org");
    assertThat(run("user", "list", "--url", app.baseUrl(), "--token", app.adminToken())).isZero();
    assertThat(out.toString()).contains(mail);
    assertThat(
            run(
                "user",
                "create",
                "--url",
                app.baseUrl(),
                "--token",
                app.adminToken(),
                "--email",
                mail,
                "--role",
                "customer",
                "--organization",
                "cli-org"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("a user with this email exists");
  }

  @Test
  void sendAlertOpensAnIncident(@TempDir Path data) {
    TestApp app = TestApp.shared();
    int code =
        run(
            "send-alert",
            "--data-dir",
            data.toString(),
            "--url",
            app.baseUrl(),
            "--token",
            app.adminToken(),
            "--organization",
            "cli-alerts",
            "--summary",
            "CLI test alert",
            "--dedup-key",
            "cli-1");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Event processed").contains("cli-1");
  }

  @Test
  void versionPrintsTheName() {
    assertThat(run("version")).isZero();
    assertThat(out.toString()).startsWith("opsflow ");
  }

  @Test
  void fakeSlackServesOnTheGivenPortPrintsItsEnvironmentAndLogsCalls() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    int[] code = {-1};
    Thread serving =
        new Thread(() -> code[0] = run("fake", "slack", "--port", Integer.toString(port)));
    serving.start();
    try {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!out.toString().contains("serving until") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      String url = "http://127.0.0.1:" + port + "/api/";
      assertThat(out.toString()).contains("OPSFLOW_SLACK_API_URL=" + url);
      String token =
          out.toString()
              .lines()
              .filter(l -> l.startsWith("OPSFLOW_SLACK_BOT_TOKEN="))
              .findFirst()
              .orElseThrow()
              .substring("OPSFLOW_SLACK_BOT_TOKEN=".length());
      java.net.http.HttpResponse<String> answer =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "auth.test"))
                      .header("Authorization", "Bearer " + token)
                      .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"ok\":true");
      // the members of oncall/users.yaml with a Slack id and an email: alice, bob, carol, erin
      assertThat(out.toString()).contains(" with 4 member(s) from ");
      java.net.http.HttpResponse<String> alice =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(url + "users.lookupByEmail?email=alice@example.com"))
                      .header("Authorization", "Bearer " + token)
                      .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(alice.body()).contains("U0ALICE");
      String log =
          out.toString().lines().filter(l -> l.contains(" auth.test")).findFirst().orElseThrow();
      assertThat(log).doesNotContain(token);
    } finally {
      serving.interrupt();
      serving.join(10_000);
    }
    assertThat(code[0]).isZero();
  }

  private static String field(String json, String name) {
    int i = json.indexOf("\"" + name + "\" : \"") + name.length() + 6;
    return json.substring(i, json.indexOf('"', i));
  }
}
