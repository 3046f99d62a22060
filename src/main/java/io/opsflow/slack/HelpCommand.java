package io.opsflow.slack;

import java.util.List;
import java.util.function.Supplier;

/** {@code /opsflow help} (and {@code /opsflow} alone): what the commands are. */
final class HelpCommand implements SlashCommand {
  private final Supplier<String> usage;

  HelpCommand(Supplier<String> usage) {
    this.usage = usage;
  }

  @Override
  public List<String> verbs() {
    return List.of("help");
  }

  @Override
  public String usage() {
    return "/opsflow help";
  }

  @Override
  public boolean forCustomers() {
    return true;
  }

  @Override
  public String run(SlackUser user, SlackRequest request, List<String> args) {
    return "opsflow: tickets and incidents from Slack. Ids are an incident's id or short id (6+"
        + " characters; left out in an incident's war room) or a ticket's T-XXXXXXXX.\n"
        + usage.get();
  }
}
