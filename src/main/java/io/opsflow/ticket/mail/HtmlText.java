package io.opsflow.ticket.mail;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an HTML-only mail: blocks and line breaks become new lines, quoted blocks become
 * {@code >} lines (so the quote stripper sees them), tags go, entities are decoded. Not a browser;
 * enough for what mail programs write.
 */
final class HtmlText {
  private static final Pattern DROP =
      Pattern.compile("(?is)<(head|style|script|title)\\b.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern QUOTE =
      Pattern.compile("(?is)<blockquote\\b[^>]*>(.*?)</blockquote\\s*>");
  private static final Pattern BREAK =
      Pattern.compile("(?i)<br\\s*/?>|</?(p|div|tr|li|h[1-6])\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
  private static final Map<String, String> NAMED =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");

  /** More HTML than this is not read: the text of a ticket is cut at 60 KiB anyway. */
  static final int MAX_HTML = 512 * 1024;

  private HtmlText() {}

  static String of(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    String s = html.length() > MAX_HTML ? html.substring(0, MAX_HTML) : html;
    s = DROP.matcher(s).replaceAll("");
    Matcher q = QUOTE.matcher(s);
    StringBuilder b = new StringBuilder();
    while (q.find()) {
      String inner = of(q.group(1));
      q.appendReplacement(b, Matcher.quoteReplacement("\n> " + inner.replace("\n", "\n> ") + "\n"));
    }
    q.appendTail(b);
    s = BREAK.matcher(b.toString()).replaceAll("\n");
    s = TAG.matcher(s).replaceAll("");
    s = decode(s);
    return s.replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static String decode(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String r;
      try {
        if (e.startsWith("#x") || e.startsWith("#X")) {
          r = new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
        } else if (e.startsWith("#")) {
          r = new String(Character.toChars(Integer.parseInt(e.substring(1))));
        } else {
          r = NAMED.getOrDefault(e.toLowerCase(), m.group());
        }
      } catch (IllegalArgumentException x) {
        r = m.group();
      }
      m.appendReplacement(b, Matcher.quoteReplacement(r));
    }
    m.appendTail(b);
    return b.toString();
  }
}
