package io.opsflow.escalation.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delays as written in policy files: ISO-8601 ({@code PT10M}) or {@code 90s}, {@code 10m}, {@code
 * 1h}.
 */
final class Delays {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([smh])");

  private Delays() {}

  /** The delay, or null when the text is neither form. */
  static Duration parse(String text) {
    String t = text.trim();
    Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      return Duration.parse(t);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
