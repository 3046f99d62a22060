package io.opsflow.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text that wraps between words only. Picocli breaks lines where Unicode allows a break, which
 * includes after a dot or hyphen ({@code http://127.} / {@code 0.0.1}); these sections are rendered
 * here instead: the description, positional parameters, options, commands and extra sections.
 */
final class HelpLayout {
  static final int WIDTH = 100;
  private static final int MAX_LEFT = 30;

  private HelpLayout() {}

  /** Applies the layout to {@code cli} and every subcommand. */
  static CommandLine apply(CommandLine cli) {
    cli.setUsageHelpWidth(WIDTH);
    Map<String, CommandLine.IHelpSectionRenderer> m = cli.getHelpSectionMap();
    m.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, h -> paragraphs(h.commandSpec()));
    m.put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, h -> table(parameters(h.commandSpec())));
    m.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, h -> table(options(h.commandSpec())));
    m.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, h -> table(commands(h.commandSpec())));
    cli.setHelpSectionMap(m);
    cli.getSubcommands().values().forEach(HelpLayout::apply);
    return cli;
  }

  /** Adds a two-column section with a heading at the end of {@code cli}'s help. */
  static void addSection(CommandLine cli, String key, String heading, List<String[]> rows) {
    Map<String, CommandLine.IHelpSectionRenderer> m = cli.getHelpSectionMap();
    m.put(key, h -> "\n" + heading + "\n" + table(rows));
    cli.setHelpSectionMap(m);
    List<String> keys = new ArrayList<>(cli.getHelpSectionKeys());
    keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), key);
    cli.setHelpSectionKeys(keys);
  }

  private static String paragraphs(CommandSpec spec) {
    StringBuilder out = new StringBuilder();
    for (String p : spec.usageMessage().description()) {
      wrap(p.replace("%n", " ").trim(), WIDTH, "", "").forEach(l -> out.append(l).append('\n'));
    }
    return out.toString();
  }

  private static List<String[]> parameters(CommandSpec spec) {
    List<String[]> rows = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        rows.add(new String[] {"      " + p.paramLabel(), plain(p.description())});
      }
    }
    return rows;
  }

  private static List<String[]> options(CommandSpec spec) {
    List<OptionSpec> sorted = new ArrayList<>(spec.options());
    sorted.removeIf(OptionSpec::hidden);
    sorted.sort(Comparator.comparing(o -> o.longestName().replaceFirst("^-+", "").toLowerCase()));
    List<String[]> rows = new ArrayList<>();
    for (OptionSpec o : sorted) {
      String shortName = o.shortestName().startsWith("--") ? "    " : o.shortestName() + ", ";
      String label = o.arity().max() > 0 ? "=" + o.paramLabel() : "";
      String left = "  " + shortName + o.longestName() + label;
      rows.add(new String[] {left, plain(o.description())});
    }
    return rows;
  }

  /** A description as one line of words: picocli's line separators ({@code %n}) become spaces. */
  private static String plain(String[] description) {
    return String.join(" ", description).replace("%n", " ").trim().replaceAll("\\s+", " ");
  }

  private static List<String[]> commands(CommandSpec spec) {
    List<String[]> rows = new ArrayList<>();
    Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
    spec.subcommands()
        .forEach(
            (name, sub) -> {
              if (seen.put(sub, true) == null && !sub.getCommandSpec().usageMessage().hidden()) {
                String text = plain(sub.getCommandSpec().usageMessage().description());
                rows.add(new String[] {"  " + name, text});
              }
            });
    return rows;
  }

  /** Two columns: the left as wide as its longest entry (at most 30), the right wrapped. */
  static String table(List<String[]> rows) {
    int left = 0;
    for (String[] r : rows) {
      if (r[0].length() + 2 <= MAX_LEFT) {
        left = Math.max(left, r[0].length() + 2);
      }
    }
    String indent = " ".repeat(left);
    StringBuilder out = new StringBuilder();
    for (String[] r : rows) {
      String first;
      if (r[0].length() + 2 > left) {
        out.append(r[0]).append('\n');
        first = indent;
      } else {
        first = r[0] + " ".repeat(left - r[0].length());
      }
      List<String> lines = wrap(r[1], WIDTH - left - 2, first, indent + "  ");
      if (lines.isEmpty()) {
        out.append(first.stripTrailing()).append('\n');
      }
      lines.forEach(l -> out.append(l).append('\n'));
    }
    return out.toString();
  }

  /** Words of {@code text} in lines of at most {@code width}; a longer word gets a line alone. */
  static List<String> wrap(String text, int width, String first, String next) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      out.add((i == 0 ? first : next) + lines.get(i));
    }
    return out;
  }
}
