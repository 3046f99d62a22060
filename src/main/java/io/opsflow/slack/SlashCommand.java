package io.opsflow.slack;

import java.util.List;

/** One {@code /opsflow <verb>}: one class each, so no handler grows to know everything. */
interface SlashCommand {

  /** The words that call it; the first is the one the usage shows. */
  List<String> verbs();

  /** One line of usage, such as {@code /opsflow status <id>}. */
  String usage();

  /** Customers may use it (open tickets, follow them); the rest is for SREs. */
  default boolean forCustomers() {
    return false;
  }

  /**
   * Does the work, or publishes it, and returns the ephemeral answer.
   *
   * @throws Refusal with what to tell the user when the command cannot be done as asked
   */
  String run(SlackUser user, SlackRequest request, List<String> args);

  /** A command refused with a reason the user can act on; {@code usage}: show how to use it. */
  final class Refusal extends RuntimeException {
    private final boolean usage;

    Refusal(String reason, boolean usage) {
      super(reason);
      this.usage = usage;
    }

    static Refusal usage(String reason) {
      return new Refusal(reason, true);
    }

    static Refusal because(String reason) {
      return new Refusal(reason, false);
    }

    boolean showUsage() {
      return usage;
    }
  }
}
