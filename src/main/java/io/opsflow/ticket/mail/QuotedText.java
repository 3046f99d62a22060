package io.opsflow.ticket.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the quoted history off a reply: everything from the first line that mail programs put above
 * a quote ("On ... wrote:", "-----Original Message-----", Outlook's "From:"/"Sent:" block, a run of
 * {@code >} lines to the end). When unsure it keeps the text: a reply that would be empty without
 * the quote is kept whole.
 */
final class QuotedText {
  private static final List<Pattern> MARKERS =
      List.of(
          // Gmail, Apple Mail, Thunderbird; German, French, Spanish, Dutch variants
          Pattern.compile(
              "(?i)^(on|am|le|el|op)\\s.{4,200}(wrote|schrieb|a écrit|escribió|schreef)\\b.{0,200}:\\s*$"),
          Pattern.compile(
              "(?i)^-{2,}\\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original)\\s*-{2,}\\s*$"),
          Pattern.compile("^_{10,}\\s*$"),
          Pattern.compile("(?i)^(from|von|de)\\s*:\\s.+$"));
  private static final Pattern OUTLOOK_NEXT =
      Pattern.compile("(?i)^(sent|gesendet|envoyé|date|to|an)\\s*:.*$");
  private static final Pattern QUOTE = Pattern.compile("^\\s*>.*$");

  private QuotedText() {}

  static String strip(String text) {
    if (text == null || text.isBlank()) {
      return text == null ? "" : text;
    }
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    int cut = lines.length;
    for (int i = 0; i < lines.length && cut == lines.length; i++) {
      String line = lines[i].strip();
      if (marker(line, i + 1 < lines.length ? lines[i + 1].strip() : "")) {
        cut = i;
      } else if (i + 1 < lines.length && twoLineWrote(line, lines[i + 1].strip())) {
        cut = i;
      }
    }
    cut = Math.min(cut, trailingQuote(lines, cut));
    String kept = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, cut)).strip();
    return kept.isEmpty() ? text.strip() : kept;
  }

  private static boolean marker(String line, String next) {
    for (int k = 0; k < MARKERS.size(); k++) {
      if (MARKERS.get(k).matcher(line).matches()) {
        // a "From:" line counts only as the head of Outlook's block, followed by "Sent:" or the
        // like
        return k < MARKERS.size() - 1 || OUTLOOK_NEXT.matcher(next).matches();
      }
    }
    return false;
  }

  /** "On Tue, 3 Mar 2026 at 10:00, Support" / "<support@example.com> wrote:" over two lines. */
  private static boolean twoLineWrote(String line, String next) {
    return line.matches("(?i)^(on|am|le)\\s.{4,200}")
        && next.matches("(?i).{0,200}(wrote|schrieb|a écrit)\\b.{0,200}:\\s*$");
  }

  /** Where the run of quoted lines that ends the text (blank lines aside) starts. */
  private static int trailingQuote(String[] lines, int end) {
    int start = end;
    for (int i = end - 1; i >= 0; i--) {
      if (QUOTE.matcher(lines[i]).matches()) {
        start = i;
      } else if (!lines[i].isBlank()) {
        break;
      }
    }
    return start;
  }
}
