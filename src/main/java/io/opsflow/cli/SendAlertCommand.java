package io.opsflow.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code opsflow send-alert}: fires a test alert through the PagerDuty Events API v2 endpoint. With
 * no routing key it creates an integration token with the admin token and prints it for reuse.
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
      description = "integration token (default: OPSFLOW_ROUTING_KEY, else a new one is created)")
  String routingKey;

  @Option(names = "--organization", defaultValue = "default", description = "for a new token")
  String organization;

  @Option(
      names = "--action",
      defaultValue = "trigger",
      description = "trigger, acknowledge, resolve")
  String action;

  @Option(names = "--dedup-key", description = "alert identity; generated when absent")
  String dedupKey;

  @Option(names = "--summary", defaultValue = "Test alert from opsflow send-alert")
  String summary;

  @Option(
      names = "--severity",
      defaultValue = "critical",
      description = "critical, error, warning, info")
  String severity;

  @Option(names = "--source", defaultValue = "opsflow-cli")
  String source;

  @Override
  public Integer call() throws IOException {
    ApiClient admin = connection.client();
    String key = routingKey != null ? routingKey : System.getenv("OPSFLOW_ROUTING_KEY");
    if (key == null || key.isBlank()) {
      ObjectNode body = ApiClient.JSON.createObjectNode();
      body.put("kind", "integration").put("name", "send-alert").put("organization", organization);
      ApiClient.Response created = admin.send("POST", "/api/v1/tokens", body.toString());
      if (!created.ok()) {
        spec.commandLine().getErr().println("cannot create a token: " + created.describe());
        return 1;
      }
      key = created.body().path("token").asText();
      spec.commandLine()
          .getOut()
          .println("created integration token (reuse with --routing-key): " + key);
    }
    ObjectNode event = ApiClient.JSON.createObjectNode();
    event.put("routing_key", key).put("event_action", action);
    if (dedupKey != null) {
      event.put("dedup_key", dedupKey);
    }
    ObjectNode payload = event.putObject("payload");
    payload.put("summary", summary).put("source", source).put("severity", severity);
    ApiClient.Response r =
        new ApiClient(admin.baseUrl(), null).send("POST", "/api/v1/events", event.toString());
    return TokenCommand.print(spec, r);
  }
}
