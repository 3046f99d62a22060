package io.opsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code opsflow token create|list|revoke}, against a running instance with the admin token. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke API tokens.",
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    })
final class TokenCommand {

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token.")
  static final class Create implements Callable<Integer> {
    @Mixin Connection connection;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--kind", defaultValue = "integration", description = "integration or user")
    String kind;

    @Option(names = "--name", required = true, description = "what the token is for")
    String name;

    @Option(names = "--organization", required = true, description = "customer organization")
    String organization;

    @Option(names = "--role", description = "user role: sre or customer")
    String role;

    @Override
    public Integer call() throws IOException {
      ObjectNode body = ApiClient.JSON.createObjectNode();
      body.put("kind", kind).put("name", name).put("organization", organization);
      if (role != null) {
        body.put("role", role);
      }
      return print(spec, connection.client().send("POST", "/api/v1/tokens", body.toString()));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens.")
  static final class ListTokens implements Callable<Integer> {
    @Mixin Connection connection;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      return print(spec, connection.client().send("GET", "/api/v1/tokens", null));
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
  static final class Revoke implements Callable<Integer> {
    @Mixin Connection connection;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "token id")
    String id;

    @Override
    public Integer call() throws IOException {
      return print(spec, connection.client().send("DELETE", "/api/v1/tokens/" + id, null));
    }
  }

  /** A success's body, pretty; a refusal as one line on standard error. Returns the exit code. */
  static int print(CommandLine.Model.CommandSpec spec, ApiClient.Response r) throws IOException {
    if (!r.ok()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.qualifiedName() + ": " + r.describe());
      err.flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    JsonNode body = r.body();
    out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    out.flush();
    return 0;
  }
}
