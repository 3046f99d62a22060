package io.opsflow.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code opsflow user create|list}: people who sign in to the portal and console. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Create and list the people who sign in to the portal and console.",
    subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class})
final class UserCommand {

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a user; the password is read from standard input (one line).")
  static final class Create implements Callable<Integer> {
    @Mixin Connection connection;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--email", required = true, description = "sign-in address")
    String email;

    @Option(names = "--name", description = "display name (default: the address)")
    String name;

    @Option(names = "--role", required = true, description = "customer, sre or admin")
    String role;

    @Option(names = "--organization", description = "the customer's (or SRE's) organization")
    String organization;

    @Option(names = "--slack-user-id", description = "Slack member id (U…), for slash commands")
    String slackUserId;

    @Option(names = "--password-stdin", description = "read a password from standard input")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
      ObjectNode body = ApiClient.JSON.createObjectNode();
      body.put("email", email).put("role", role);
      if (name != null) {
        body.put("name", name);
      }
      if (organization != null) {
        body.put("organization", organization);
      }
      if (slackUserId != null) {
        body.put("slackUserId", slackUserId);
      }
      if (passwordStdin) {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isBlank()) {
          spec.commandLine().getErr().println("no password on standard input");
          return 2;
        }
        body.put("password", line.strip());
      }
      return TokenCommand.print(
          spec, connection.client().send("POST", "/api/v1/users", body.toString()));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin Connection connection;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      return TokenCommand.print(spec, connection.client().send("GET", "/api/v1/users", null));
    }
  }
}
