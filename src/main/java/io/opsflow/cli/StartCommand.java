package io.opsflow.cli;

import io.opsflow.App;
import io.opsflow.config.ConfigLoader;
import io.opsflow.config.Settings;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code opsflow start}: runs everything until SIGTERM or Ctrl-C, then stops cleanly. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Run opsflow: broker (unless external), database, engine, HTTP and consumers.",
      "Configured by environment variables, or the same keys in opsflow.yaml (the environment"
          + " wins). It is ready when it logs 'opsflow started in ... ms'."
    })
final class StartCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Lists every setting in {@code start --help}. */
  static void describeSettings(CommandLine start) {
    List<String[]> rows =
        Settings.all().stream()
            .map(
                s ->
                    new String[] {
                      "  " + s.name(), s.meaning() + " (default: " + s.byDefault() + ")"
                    })
            .toList();
    HelpLayout.addSection(start, "settings", "Settings:", rows);
  }

  @Override
  public Integer call() throws InterruptedException {
    for (String name : Settings.unknown(System.getenv())) {
      spec.commandLine()
          .getErr()
          .println("opsflow start: ignoring " + name + ", not a setting (opsflow start --help)");
    }
    App app = App.start(ConfigLoader.fromEnvironment());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "opsflow-shutdown"));
    stopped.await();
    return 0;
  }
}
