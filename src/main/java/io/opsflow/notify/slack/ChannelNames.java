package io.opsflow.notify.slack;

import java.util.Locale;

/**
 * Slack channel names: lowercase letters, digits, {@code -} and {@code _}, at most 80 characters.
 * Numbered variants ({@code name-2}) are cut so that the suffix always fits.
 */
final class ChannelNames {
  static final int MAX_LENGTH = 80;
  static final int MAX_VARIANT = 9;

  private ChannelNames() {}

  /** The cleaned name: anything else becomes {@code -}, runs of {@code -} collapse. */
  static String clean(String raw) {
    String lower = raw == null ? "" : raw.toLowerCase(Locale.ROOT);
    String cleaned =
        lower.replaceAll("[^a-z0-9_-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-_]+", "");
    cleaned = trimEnd(cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH) : cleaned);
    return cleaned.isEmpty() ? "incident" : cleaned;
  }

  /** The n-th name to try: n = 1 is the name itself, then {@code name-2} ... {@code name-9}. */
  static String variant(String cleaned, int n) {
    if (n <= 1) {
      return cleaned;
    }
    String suffix = "-" + n;
    String base =
        cleaned.length() + suffix.length() > MAX_LENGTH
            ? trimEnd(cleaned.substring(0, MAX_LENGTH - suffix.length()))
            : cleaned;
    return base + suffix;
  }

  private static String trimEnd(String s) {
    return s.replaceAll("[-_]+$", "");
  }
}
