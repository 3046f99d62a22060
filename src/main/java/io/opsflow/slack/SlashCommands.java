package io.opsflow.slack;

import io.opsflow.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the command a Slack text asks for, checks who may run it, and turns every refusal into an
 * ephemeral answer with the usage: Slack shows the user what went wrong, never an error page.
 */
final class SlashCommands {
  private final List<SlashCommand> commands;
  private final Map<String, SlashCommand> byVerb = new LinkedHashMap<>();

  SlashCommands(List<SlashCommand> commands) {
    List<SlashCommand> all = new ArrayList<>(commands);
    all.add(new HelpCommand(this::usage));
    this.commands = List.copyOf(all);
    for (SlashCommand c : this.commands) {
      c.verbs().forEach(v -> byVerb.put(v, c));
    }
  }

  String usage() {
    return "Usage:\n"
        + commands.stream().map(c -> "• `" + c.usage() + "`").collect(Collectors.joining("\n"));
  }

  String run(Optional<SlackUser> user, SlackRequest request) {
    List<String> words = request.words();
    String verb = words.isEmpty() ? "help" : words.remove(0).toLowerCase(Locale.ROOT);
    SlashCommand command = byVerb.get(verb);
    if (command == null) {
      return "Unknown command `" + verb + "`.\n" + usage();
    }
    if (user.isEmpty() && !verb.equals("help")) {
      return notLinked(request.userId()) + "\n" + usage();
    }
    if (user.isPresent() && user.get().customer() && !command.forCustomers()) {
      return "`/opsflow "
          + verb
          + "` is for SREs. You can open tickets and follow your organization's tickets and"
          + " incidents: `/opsflow ticket <subject>`, `/opsflow status <id>`.";
    }
    try {
      return command.run(user.orElse(null), request, words);
    } catch (SlashCommand.Refusal r) {
      return r.getMessage() + (r.showUsage() ? "\nUsage: `" + command.usage() + "`" : "");
    } catch (ApiException e) {
      return answer(e, command.usage());
    }
  }

  /** The answer to a Slack user no opsflow user is linked to. */
  static String notLinked(String slackUserId) {
    return "Your Slack user "
        + SlackText.escape(slackUserId)
        + " is not linked to an opsflow user. Ask an admin to set it as `slackUserId` of your"
        + " opsflow user, or as `slack` of your entry in the on-call users.yaml.";
  }

  /** The answer to a refused request; {@code usage} (may be null) follows a 400. */
  static String answer(ApiException e, String usage) {
    String why = SlackText.escape(e.getMessage());
    return switch (e.status()) {
      case 400 ->
          "Cannot do that: " + why + "." + (usage == null ? "" : "\nUsage: `" + usage + "`");
      case 404 -> "Not found: " + why + ".";
      case 503 ->
          "opsflow could not record this in time (the event log is slow or down); it may still"
              + " happen. Check with `/opsflow status`, or try again.";
      default -> "Cannot do that: " + why + ".";
    };
  }
}
