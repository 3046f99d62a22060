package io.opsflow.slack;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Text as Slack shows it: user input escaped for mrkdwn, times and durations short. */
final class SlackText {
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private SlackText() {}

  /** Escapes {@code &}, {@code <} and {@code >}, the characters Slack reads as markup. */
  static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String at(Instant t) {
    return t == null ? "-" : AT.format(t);
  }

  /** {@code 2d 3h 5m}, {@code 45m}, {@code 0m}; the sign is left to the caller. */
  static String duration(Duration d) {
    long minutes = Math.abs(d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    StringBuilder b = new StringBuilder();
    if (days > 0) {
      b.append(days).append("d ");
    }
    if (hours > 0) {
      b.append(hours).append("h ");
    }
    if (mins > 0 || b.length() == 0) {
      b.append(mins).append('m');
    }
    return b.toString().trim();
  }

  /** The short id people see in Slack and mail: the first 8 characters. */
  static String shortId(String id) {
    return id.length() > 8 ? id.substring(0, 8) : id;
  }
}
