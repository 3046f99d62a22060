package io.opsflow.slack;

import io.opsflow.access.Organizations;
import java.util.List;
import java.util.Locale;

/**
 * The options that may lead the text of {@code ticket} and {@code incident}: a priority ({@code
 * P-0}, {@code P-1}, {@code P-2}) and, for SREs of every organization, {@code org=<id>}.
 */
record CommandOptions(String priority, String organization, String text) {

  /** Takes the leading options off {@code args}; the rest is the text. */
  static CommandOptions take(List<String> args, String defaultPriority) {
    String priority = defaultPriority;
    String org = null;
    int i = 0;
    for (; i < args.size(); i++) {
      String w = args.get(i);
      if (w.matches("(?i)P-[0-2]")) {
        priority = w.toUpperCase(Locale.ROOT);
      } else if (w.toLowerCase(Locale.ROOT).startsWith("org=") && w.length() > 4) {
        org = w.substring(4);
      } else {
        break;
      }
    }
    return new CommandOptions(priority, org, String.join(" ", args.subList(i, args.size())));
  }

  /** The organization the user acts for here: their own, or the one named for every one. */
  String organizationFor(SlackUser user, Organizations organizations) {
    if (user.scope() != null) {
      if (organization != null && !organization.equals(user.scope())) {
        throw SlashCommand.Refusal.because(
            "You act for organization " + user.scope() + " only; leave out `org=`.");
      }
      return user.scope();
    }
    if (organization == null) {
      throw SlashCommand.Refusal.usage(
          "Which organization? You act for every organization: add `org=<organization id>`.");
    }
    if (!organizations.exists(organization)) {
      throw SlashCommand.Refusal.because("No organization `" + organization + "`.");
    }
    return organization;
  }
}
