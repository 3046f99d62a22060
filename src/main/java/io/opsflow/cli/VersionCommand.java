package io.opsflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code opsflow version}. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print the version of opsflow.")
final class VersionCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  @Override
  public void run() {
    spec.commandLine().getOut().println("opsflow " + version());
  }

  /** Feeds {@code --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"opsflow " + version()};
    }
  }
}
