package io.opsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code send-alert} as an SRE following the README: one organization, one token, reused. */
class SendAlertTokenTest {
  @TempDir Path data;
  private final StringWriter err = new StringWriter();

  private int sendAlert(String organization) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    TestApp app = TestApp.shared();
    return cli.execute(
        "send-alert",
        "--url",
        app.baseUrl(),
        "--token",
        app.adminToken(),
        "--data-dir",
        data.toString(),
        "--organization",
        organization,
        "--dedup-key",
        "reuse-" + UUID.randomUUID());
  }

  @Test
  void repeatedCallsReuseOneTokenOfTheOrganization() throws Exception {
    String org = "send-alert-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(sendAlert(org)).isZero();
    assertThat(sendAlert(org)).isZero();
    assertThat(sendAlert(org)).isZero();
    List<JsonNode> tokens = tokensOf(org);
    assertThat(tokens).hasSize(1);
    assertThat(tokens.get(0).path("revokedAt").isNull()).isTrue();
    Path kept = data.resolve("cli").resolve("send-alert-" + org + ".token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
        .isEqualTo("rw-------");
    assertThat(err.toString()).contains("kept in " + kept);

    // a revoked kept token is replaced by a new one, once
    ApiCalls api = new ApiCalls(TestApp.shared().baseUrl());
    String id = tokens.get(0).path("id").asText();
    assertThat(
            api.send("DELETE", "/api/v1/tokens/" + id, TestApp.shared().adminToken(), null).status()
                / 100)
        .isEqualTo(2);
    assertThat(sendAlert(org)).isZero();
    assertThat(sendAlert(org)).isZero();
    assertThat(tokensOf(org).stream().filter(t -> t.path("revokedAt").isNull()).count())
        .isEqualTo(1);
  }

  private static List<JsonNode> tokensOf(String org) throws Exception {
    ApiCalls api = new ApiCalls(TestApp.shared().baseUrl());
    JsonNode all = api.get("/api/v1/tokens?limit=1000", TestApp.shared().adminToken()).body();
    List<JsonNode> out = new ArrayList<>();
    JsonNode items = all.has("items") ? all.path("items") : all;
    items.forEach(
        t -> {
          if (t.path("organization").asText().equals(org)
              && t.path("name").asText().equals("send-alert")) {
            out.add(t);
          }
        });
    return out;
  }
}
