package io.opsflow.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** The 400 reason for a body that is not JSON, without the parser's internals. */
final class JsonErrors {
  private JsonErrors() {}

  /**
   * The parser's reason in words, with where it stopped: never the parser's class names, source
   * description or settings, which its own messages quote.
   */
  static String notJson(JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\n")[0];
    m = withoutQuotedCode(m).trim();
    if (m.isEmpty() || m.length() > 160 || m.matches(".*(`|\\[Source|com\\.|java\\.).*")) {
      m = "";
    }
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return "body is not valid JSON" + (m.isEmpty() ? "" : ": " + m) + where;
  }

  /** Drops each parenthesis that quotes code or a source location (holds a backtick or a '['). */
  private static String withoutQuotedCode(String m) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      if (c == '(' && depth++ == 0) {
        start = i;
      } else if (c == ')' && depth > 0 && --depth == 0) {
        String group = m.substring(start, i + 1);
        if (group.indexOf('`') < 0 && group.indexOf('[') < 0) {
          out.append(group);
        }
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return depth == 0 ? out.toString() : out + m.substring(start);
  }
}
