package io.opsflow.cli;

import io.opsflow.fakes.FakeSlackServer;
import io.opsflow.fakes.FakeZoomServer;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code opsflow fake slack|zoom}: starts a local stand-in for Slack's Web API or Zoom's API on
 * 127.0.0.1, prints the environment that points an opsflow at it, and serves until Ctrl-C. For
 * development: no real workspace or account is needed to see a war room open.
 */
@Command(
    name = "fake",
    mixinStandardHelpOptions = true,
    description = "Start a local Slack or Zoom API server for development.",
    subcommands = {FakeCommand.Slack.class, FakeCommand.Zoom.class})
final class FakeCommand {
  @Command(
      name = "slack",
      mixinStandardHelpOptions = true,
      description =
          "Serve Slack's Web API on 127.0.0.1, print the OPSFLOW_SLACK_* lines to use, and log"
              + " each call (method, channel, text) until Ctrl-C.")
  static final class Slack implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "port (default: a free one)")
    int port;

    @Option(
        names = "--oncall-dir",
        defaultValue = "${env:OPSFLOW_ONCALL_DIR:-./oncall}",
        description =
            "on-call directory whose users (with both a slack id and an email) become workspace"
                + " members, so pages and invitations reach them (default: ${DEFAULT-VALUE})")
    java.nio.file.Path oncallDir;

    @Override
    public Integer call() {
      checkPort(spec, port);
      PrintWriter out = spec.commandLine().getOut();
      try (FakeSlackServer slack = new FakeSlackServer(port)) {
        int members = FakeSlackConsole.addMembers(slack, oncallDir);
        slack.onCall(
            c -> {
              synchronized (out) {
                out.println(FakeSlackConsole.line(c));
                out.flush();
              }
            });
        synchronized (out) {
          out.println(
              "fake Slack Web API on "
                  + slack.url()
                  + " with "
                  + members
                  + " member(s) from "
                  + oncallDir
                  + "; start opsflow with:");
          out.println("OPSFLOW_SLACK_API_URL=" + slack.url());
          out.println("OPSFLOW_SLACK_BOT_TOKEN=" + slack.token());
          out.println("OPSFLOW_SLACK_SIGNING_SECRET=" + HexFormat.of().formatHex(random(16)));
          out.println("serving until Ctrl-C");
          out.flush();
        }
        serve();
      }
      return 0;
    }
  }

  @Command(
      name = "zoom",
      mixinStandardHelpOptions = true,
      description =
          "Serve Zoom's meetings API and OAuth endpoint on 127.0.0.1 and print the OPSFLOW_ZOOM_*"
              + " lines to use, until Ctrl-C.")
  static final class Zoom implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "port (default: a free one)")
    int port;

    @Override
    public Integer call() {
      checkPort(spec, port);
      PrintWriter out = spec.commandLine().getOut();
      try (FakeZoomServer zoom = FakeZoomServer.start(port)) {
        out.println("fake Zoom API on " + zoom.baseUrl() + "; start opsflow with:");
        out.println("OPSFLOW_ZOOM_API_URL=" + zoom.apiUrl());
        out.println("OPSFLOW_ZOOM_ACCOUNT_ID=" + zoom.accountId());
        out.println("OPSFLOW_ZOOM_CLIENT_ID=" + zoom.clientId());
        out.println("OPSFLOW_ZOOM_CLIENT_SECRET=" + zoom.clientSecret());
        out.println("serving until Ctrl-C");
        out.flush();
        serve();
      }
      return 0;
    }
  }

  private static void checkPort(CommandLine.Model.CommandSpec spec, int port) {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535");
    }
  }

  /** Blocks until the thread is interrupted or the JVM exits (Ctrl-C). */
  private static void serve() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
