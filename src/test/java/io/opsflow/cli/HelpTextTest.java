package io.opsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.config.ConfigLoader;
import io.opsflow.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The command line's help and failures, as a newcomer reads them. */
class HelpTextTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void everyCommandAnswersHelp() {
    for (CommandLine c : all(Main.commandLine())) {
      List<String> words =
          new ArrayList<>(Arrays.asList(c.getCommandSpec().qualifiedName(" ").split(" ")));
      words.remove(0);
      words.add("--help");
      out.getBuffer().setLength(0);
      assertThat(run(words.toArray(String[]::new))).as(words.toString()).isZero();
      assertThat(out.toString()).as(words.toString()).startsWith("Usage: ");
    }
  }

  @Test
  void startHelpListsEverySettingOpsflowReads() {
    ConfigLoader loader = new ConfigLoader(Map.of("OPSFLOW_CONFIG", "no-such-opsflow.yaml"));
    loader.load();
    assertThat(loader.asked()).hasSizeGreaterThan(30);
    assertThat(Settings.names()).containsAll(loader.asked());
    assertThat(run("start", "--help")).isZero();
    Set<String> tokens = new java.util.HashSet<>(Arrays.asList(out.toString().split("\\s+")));
    assertThat(tokens).containsAll(Settings.names());
  }

  @Test
  void helpShowsNoFormatSpecifiers() {
    for (CommandLine c : all(Main.commandLine())) {
      StringWriter text = new StringWriter();
      c.usage(new PrintWriter(text, true));
      assertThat(text.toString()).as(c.getCommandSpec().qualifiedName()).doesNotContain("%n");
    }
  }

  @Test
  void helpWrapsBetweenWordsOnly() {
    for (CommandLine c : all(Main.commandLine())) {
      StringWriter text = new StringWriter();
      c.usage(new PrintWriter(text, true));
      Set<String> tokens = new java.util.HashSet<>(Arrays.asList(text.toString().split("\\s+")));
      CommandSpec spec = c.getCommandSpec();
      List<String> descriptions = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
      spec.options().forEach(o -> descriptions.addAll(Arrays.asList(o.description())));
      spec.positionalParameters().forEach(p -> descriptions.addAll(Arrays.asList(p.description())));
      c.getSubcommands()
          .values()
          .forEach(
              s ->
                  descriptions.addAll(
                      Arrays.asList(s.getCommandSpec().usageMessage().description())));
      for (String d : descriptions) {
        for (String word : d.replace("%n", " ").trim().split("\\s+")) {
          if (!word.isEmpty()) {
            assertThat(tokens)
                .as(spec.qualifiedName() + ": '" + word + "' kept whole")
                .contains(word);
          }
        }
      }
    }
  }

  @Test
  void aFailureIsOneLineWithTheUrlAndWhatToDo() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    assertThat(run("token", "list", "--url", url, "--token", "x")).isEqualTo(1);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString())
        .startsWith("opsflow token list: cannot reach opsflow at " + url)
        .contains("is it running?")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void sendAlertWithoutOrganizationOrKeySaysWhatToGive() {
    assertThat(run("send-alert", "--url", "http://127.0.0.1:9", "--token", "x")).isEqualTo(1);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("give --organization <name>").contains("--routing-key");
  }

  private static List<CommandLine> all(CommandLine root) {
    List<CommandLine> out = new ArrayList<>();
    out.add(root);
    root.getSubcommands().values().stream()
        .filter(c -> !(c.getCommandSpec().userObject() instanceof CommandLine.HelpCommand))
        .distinct()
        .forEach(c -> out.addAll(all(c)));
    return out.stream().distinct().toList();
  }
}
