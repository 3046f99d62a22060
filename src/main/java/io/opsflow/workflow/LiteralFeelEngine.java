package io.opsflow.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The FEEL engine of the DMN tables, with the cells decision tables are mostly made of answered
 * without the FEEL interpreter; every other cell goes to Camunda's FEEL engine unchanged.
 *
 * <p>Camunda's Scala FEEL engine parses a cell's text again at every evaluation and builds a fresh
 * root context with all built-in functions each time; a table of nine rules and four inputs costs
 * about 40 such evaluations per decision, which made DMN triage the largest single cost of an
 * incident start. Answered here, with the result the FEEL engine gives:
 *
 * <ul>
 *   <li>input entry {@code -}: matches any input;
 *   <li>input entry of string literals, {@code "a"} or {@code "a","b"}, against a string input:
 *       true when the input equals one of them;
 *   <li>expression {@code "text"} (an output entry): the text;
 *   <li>expression that is a plain variable name holding a string (an input expression such as
 *       {@code severity}): that string.
 * </ul>
 *
 * String literals with a backslash, inputs that are not strings (null included), names that are
 * FEEL keywords or not in the context, and anything else go to the FEEL engine. Nothing is cached:
 * the table's text is read from the deployed decision at each evaluation as before, so a redeployed
 * table takes effect at once.
 */
final class LiteralFeelEngine implements FeelEngine {
  /** Creates this engine over Camunda's default (Scala) FEEL engine. */
  static final class Factory implements FeelEngineFactory {
    private final FeelEngineFactory fallback;

    Factory() {
      this(new ScalaFeelEngineFactory());
    }

    Factory(FeelEngineFactory fallback) {
      this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public FeelEngine createInstance() {
      return new LiteralFeelEngine(fallback.createInstance());
    }
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** FEEL words that a plain name must not be (they are literals or syntax, not variables). */
  private static final Set<String> KEYWORDS =
      Set.of(
          "true",
          "false",
          "null",
          "not",
          "and",
          "or",
          "for",
          "in",
          "return",
          "if",
          "then",
          "else",
          "some",
          "every",
          "satisfies",
          "instance",
          "of",
          "function",
          "external",
          "between",
          "date",
          "time",
          "duration",
          "string",
          "number",
          "context",
          "list",
          "range");

  private final FeelEngine fallback;

  LiteralFeelEngine(FeelEngine fallback) {
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  @Override
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    String text = expression.strip();
    String literal = stringLiteral(text);
    if (literal != null) {
      return cast(literal);
    }
    if (NAME.matcher(text).matches()
        && !KEYWORDS.contains(text)
        && variables.containsVariable(text)) {
      TypedValue value = variables.resolve(text);
      if (value != null && value.getValue() instanceof String s) {
        return cast(s);
      }
    }
    return fallback.evaluateSimpleExpression(expression, variables);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(
      String expression, String inputVariable, VariableContext variables) {
    String text = expression.strip();
    if (text.equals("-")) {
      return true;
    }
    List<String> literals = stringLiterals(text);
    if (literals != null) {
      TypedValue input = variables.resolve(inputVariable);
      if (input != null && input.getValue() instanceof String s) {
        return literals.contains(s);
      }
    }
    return fallback.evaluateSimpleUnaryTests(expression, inputVariable, variables);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  /** The content of {@code "..."} without backslashes or inner quotes, else null. */
  static String stringLiteral(String text) {
    if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
      return null;
    }
    String inner = text.substring(1, text.length() - 1);
    return inner.indexOf('"') < 0 && inner.indexOf('\\') < 0 ? inner : null;
  }

  /**
   * The strings of a comma-separated list of such literals ({@code "a"}, {@code "a", "b"}), else
   * null.
   */
  static List<String> stringLiterals(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n || text.charAt(i) != '"') {
        return null;
      }
      int end = text.indexOf('"', i + 1);
      if (end < 0) {
        return null;
      }
      String inner = text.substring(i + 1, end);
      if (inner.indexOf('\\') >= 0) {
        return null;
      }
      out.add(inner);
      i = end + 1;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i == n) {
        return out;
      }
      if (text.charAt(i) != ',') {
        return null;
      }
      i++;
    }
  }
}
