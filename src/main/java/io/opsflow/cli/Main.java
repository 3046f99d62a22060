package io.opsflow.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./opsflow <command>}: the command line of opsflow. */
@Command(
    name = "opsflow",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Event-driven incident and support-ticket workflow engine.",
    subcommands = {
      StartCommand.class,
      SendAlertCommand.class,
      BenchCommand.class,
      TokenCommand.class,
      UserCommand.class,
      WorkflowsCommand.class,
      FakeCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The command line with opsflow's help layout and one-line failures. */
  public static CommandLine commandLine() {
    CommandLine cli = HelpLayout.apply(new CommandLine(new Main()));
    StartCommand.describeSettings(cli.getSubcommands().get("start"));
    return cli.setExecutionExceptionHandler(new Failures());
  }

  /** Runs a command line with its output going to {@code out} (tests read it). */
  public static int run(PrintWriter out, String... args) {
    return commandLine().setOut(out).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
