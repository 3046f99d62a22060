package io.opsflow.incident.model;

import java.util.List;
import java.util.Locale;

/** Alert severities, most urgent first, as Alertmanager and PagerDuty senders name them. */
public final class Severity {
  private static final List<String> ORDER = List.of("critical", "error", "warning", "info");

  private Severity() {}

  /** 0 is the most urgent; unknown severities rank after the known ones. */
  public static int rank(String severity) {
    int i = severity == null ? -1 : ORDER.indexOf(severity.toLowerCase(Locale.ROOT));
    return i < 0 ? ORDER.size() : i;
  }

  /** The more urgent of two severities; null when both are null. */
  public static String moreUrgent(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return rank(b) < rank(a) ? b : a;
  }
}
