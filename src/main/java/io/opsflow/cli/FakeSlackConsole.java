package io.opsflow.cli;

import io.opsflow.fakes.FakeSlackServer;

/** What {@code opsflow fake slack} adds to its server and prints of each call. */
final class FakeSlackConsole {
  private static final int TEXT_MAX = 160;

  private FakeSlackConsole() {}

  /** Users of the on-call directory with a Slack id and an email; none when it cannot load. */
  static int addMembers(FakeSlackServer slack, java.nio.file.Path dir) {
    if (!java.nio.file.Files.isDirectory(dir)) {
      return 0;
    }
    int n = 0;
    try (io.opsflow.escalation.config.OnCallConfig oncall =
        io.opsflow.escalation.config.OnCallConfig.start(dir, java.time.Clock.systemUTC())) {
      for (io.opsflow.escalation.model.User u : oncall.snapshot().users().values()) {
        if (u.slack() != null && u.email() != null) {
          slack.addUser(u.email(), u.slack());
          n++;
        }
      }
    }
    return n;
  }

  /** One line per call: method, channel and text (tokens are never among the parameters). */
  static String line(FakeSlackServer.Call c) {
    StringBuilder b = new StringBuilder(c.at().toString()).append(' ').append(c.method());
    String channel = c.params().get("channel");
    if (channel != null) {
      b.append(" channel=").append(channel);
    }
    String name = c.params().get("name");
    if (name != null) {
      b.append(" name=").append(name);
    }
    String text = c.params().getOrDefault("text", c.params().get("purpose"));
    if (text != null) {
      String flat = text.replaceAll("\\s+", " ").strip();
      if (flat.length() > TEXT_MAX) {
        flat = flat.substring(0, TEXT_MAX) + "...";
      }
      b.append(" text=\"").append(flat).append('"');
    }
    return b.toString();
  }
}
