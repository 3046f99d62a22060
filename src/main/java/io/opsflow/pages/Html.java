package io.opsflow.pages;

import java.util.Collection;
import java.util.Objects;

/**
 * A piece of HTML that is safe to send. Pages are built from templates written in the code, where
 * each {@code {}} takes one value: a value is escaped (text, numbers, anything) unless it is itself
 * an {@code Html} built here. There is no other way to make one from a string, so a value from a
 * request or the database can only ever reach a page escaped.
 */
public final class Html {
  public static final Html EMPTY = new Html("");

  private final String markup;

  private Html(String markup) {
    this.markup = markup;
  }

  /**
   * The template with each {@code {}} replaced by the next value, escaped unless it is {@code
   * Html}; {@code null} becomes nothing. The template must be a literal of the code.
   */
  public static Html of(String template, Object... values) {
    StringBuilder out = new StringBuilder(template.length() + 64);
    int from = 0;
    int used = 0;
    for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
      if (used == values.length) {
        throw new IllegalArgumentException("more {} than values in: " + template);
      }
      out.append(template, from, at).append(piece(values[used++]));
      from = at + 2;
    }
    if (used != values.length) {
      throw new IllegalArgumentException("more values than {} in: " + template);
    }
    return new Html(out.append(template, from, template.length()).toString());
  }

  /** Text, escaped. */
  public static Html text(Object value) {
    return new Html(piece(value));
  }

  public static Html join(Collection<Html> parts) {
    StringBuilder out = new StringBuilder();
    parts.forEach(p -> out.append(p.markup));
    return new Html(out.toString());
  }

  public static Html join(Html... parts) {
    return join(java.util.List.of(parts));
  }

  /** {@code html} when the condition holds, else nothing. */
  public static Html when(boolean condition, Html html) {
    return condition ? html : EMPTY;
  }

  /** Escapes text for element content and for quoted attribute values. */
  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String piece(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Html h) {
      return h.markup;
    }
    return escape(String.valueOf(value));
  }

  @Override
  public String toString() {
    return markup;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Html h && h.markup.equals(markup);
  }

  @Override
  public int hashCode() {
    return Objects.hash(markup);
  }
}
