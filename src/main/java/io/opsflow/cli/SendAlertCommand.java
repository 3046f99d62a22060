package io.opsflow.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code opsflow send-alert}: fires a test alert through the PagerDuty Events API v2 endpoint, as
 * an integration of one organization. Without a routing key it uses the integration token it keeps
 * for that organization in the data dir, creating it (with the admin token) the first time.
 */
@Command(
    name = "send-alert",
    mixinStandardHelpOptions = true,
    description = "Fire a test alert (PagerDuty Events API v2) at a running opsflow.")
final class SendAlertCommand implements Callable<Integer> {
  @Mixin Connection connection;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--routing-key",
      description = "integration token (default: OPSFLOW_ROUTING_KEY, else the kept one)")
  String routingKey;

  @Option(
      names = "--organization",
      description = "whose incident it opens; its token is kept and reused (<data dir>/cli/)")
  String organization;

  @Option(
      names = "--action",
      defaultValue = "trigger",
      description = "trigger, acknowledge, resolve")
  String action;

  @Option(names = "--dedup-key", description = "alert identity; generated when absent")
  String dedupKey;

  @Option(
      names = "--summary",
      defaultValue = "Test alert from opsflow send-alert",
      description = "what the alert says")
  String summary;

  @Option(
      names = "--severity",
      defaultValue = "critical",
      description = "critical, error, warning, info")
  String severity;

  @Option(names = "--source", defaultValue = "opsflow-cli", description = "where it comes from")
  String source;

  @Override
  public Integer call() throws IOException {
    ApiClient anonymous = new ApiClient(connection.baseUrl(), null);
    String key = routingKey != null ? routingKey : System.getenv("OPSFLOW_ROUTING_KEY");
    if (key != null && !key.isBlank()) {
      return TokenCommand.print(spec, send(anonymous, key));
    }
    if (organization == null || organization.isBlank()) {
      throw new Failures.CliException(
          "give --organization <name> (the organization whose incident it opens),"
              + " or --routing-key <integration token>");
    }
    KeptTokens kept = KeptTokens.of(connection.config());
    var stored = kept.read(organization);
    if (stored.isPresent()) {
      ApiClient.Response r = send(anonymous, stored.get());
      if (r.status() != 401) {
        return TokenCommand.print(spec, r);
      }
    }
    return TokenCommand.print(spec, send(anonymous, create(connection.client(), kept)));
  }

  private String create(ApiClient admin, KeptTokens kept) throws IOException {
    ObjectNode body = ApiClient.JSON.createObjectNode();
    body.put("kind", "integration").put("name", "send-alert").put("organization", organization);
    ApiClient.Response created = admin.send("POST", "/api/v1/tokens", body.toString());
    if (!created.ok()) {
      throw new Failures.CliException("cannot create a token: " + created.describe());
    }
    String token = created.body().path("token").asText();
    String where = kept.write(organization, token);
    spec.commandLine()
        .getErr()
        .println(
            "created integration token "
                + created.body().path("hint").asText()
                + " of "
                + created.body().path("organization").asText()
                + ", kept in "
                + where
                + " for the next send-alert");
    return token;
  }

  private ApiClient.Response send(ApiClient anonymous, String key) throws IOException {
    ObjectNode event = ApiClient.JSON.createObjectNode();
    event.put("routing_key", key).put("event_action", action);
    if (dedupKey != null) {
      event.put("dedup_key", dedupKey);
    }
    ObjectNode payload = event.putObject("payload");
    payload.put("summary", summary).put("source", source).put("severity", severity);
    return anonymous.send("POST", "/api/v1/events", event.toString());
  }
}
