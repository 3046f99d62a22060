package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.opsflow.incident.model.TriageFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The literal shortcuts give what Camunda's FEEL engine gives, and the rest still reaches it. */
class LiteralFeelEngineTest {
  private static final FeelEngine SCALA = new ScalaFeelEngineFactory().createInstance();
  private static final FeelEngine LITERAL = new LiteralFeelEngine.Factory().createInstance();

  private static final List<String> UNARY_TESTS =
      List.of(
          "-",
          " - ",
          "\"critical\"",
          " \"critical\" ",
          "\"\"",
          "\"error\",\"warning\"",
          "\"error\", \"warning\"",
          "\"a b\"",
          "\"Critical\"",
          "\"crit\\\"ical\"",
          "not(\"critical\")",
          "\"a\",",
          "\"a\" \"b\"",
          "> 3",
          "null",
          "critical");

  private static final List<Object> INPUTS =
      Arrays.asList("critical", "error", "warning", "", "a b", "Critical", 5, true, null);

  @Test
  void unaryTestsAnswerAsTheFeelEngineDoes() {
    for (String test : UNARY_TESTS) {
      for (Object input : INPUTS) {
        VariableContext context =
            Variables.createVariables()
                .putValue("cellInput", input)
                .putValue("critical", "critical")
                .asVariableContext();
        assertThat(outcome(() -> LITERAL.evaluateSimpleUnaryTests(test, "cellInput", context)))
            .as("%s against %s", test, input)
            .isEqualTo(outcome(() -> SCALA.evaluateSimpleUnaryTests(test, "cellInput", context)));
      }
    }
  }

  @Test
  void expressionsAnswerAsTheFeelEngineDoes() {
    VariableMap variables =
        Variables.createVariables()
            .putValue("severity", "critical")
            .putValue("zone", "")
            .putValue("count", 3)
            .putValue("missing", null)
            .putValue("null", "x")
            .putValue("true", "x");
    VariableContext context = variables.asVariableContext();
    for (String expression :
        List.of(
            "\"P-0\"",
            " \"P-0\" ",
            "\"\"",
            "\"a\\\"b\"",
            "severity",
            " severity ",
            "zone",
            "count",
            "missing",
            "unknown",
            "null",
            "true",
            "severity + \"!\"",
            "\"a\",\"b\"")) {
      assertThat(outcome(() -> LITERAL.evaluateSimpleExpression(expression, context)))
          .as(expression)
          .isEqualTo(outcome(() -> SCALA.evaluateSimpleExpression(expression, context)));
    }
  }

  @Test
  void literalCellsDoNotReachTheFeelEngine() {
    FeelEngine literalOnly =
        new LiteralFeelEngine(
            new FeelEngine() {
              @Override
              public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
                throw new AssertionError("FEEL engine asked for " + expression);
              }

              @Override
              public boolean evaluateSimpleUnaryTests(
                  String expression, String inputVariable, VariableContext context) {
                throw new AssertionError("FEEL engine asked for " + expression);
              }
            });
    VariableContext context =
        Variables.createVariables()
            .putValue("cellInput", "warning")
            .putValue("severity", "warning")
            .asVariableContext();

    assertThat(literalOnly.evaluateSimpleUnaryTests("-", "cellInput", context)).isTrue();
    assertThat(literalOnly.evaluateSimpleUnaryTests("\"critical\"", "cellInput", context))
        .isFalse();
    assertThat(literalOnly.evaluateSimpleUnaryTests("\"error\",\"warning\"", "cellInput", context))
        .isTrue();
    assertThat((Object) literalOnly.evaluateSimpleExpression("\"P-1\"", context)).isEqualTo("P-1");
    assertThat((Object) literalOnly.evaluateSimpleExpression("severity", context))
        .isEqualTo("warning");
  }

  @Test
  void triageTableDecidesAsWithCamundasDefaultEngine() throws IOException {
    DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnEngine literal = EngineConfiguration.dmnEngineConfiguration().buildEngine();
    DmnDecision plainTable = parse(plain);
    DmnDecision literalTable = parse(literal);
    List<String> severities =
        List.of("critical", "error", "warning", "info", "security", "", "Critical");
    List<String> zones = List.of("green", "red", "", "blue");
    List<String> tiers = List.of("gold", "silver", "bronze", "");
    List<String> services = List.of("checkout", "");
    int combinations = 0;
    for (String severity : severities) {
      for (String zone : zones) {
        for (String tier : tiers) {
          for (String service : services) {
            TriageFacts facts = new TriageFacts(severity, zone, tier, service);
            DmnDecisionResult expected = plain.evaluateDecision(plainTable, facts.asInputs());
            DmnDecisionResult actual = literal.evaluateDecision(literalTable, facts.asInputs());
            assertThat(actual.getResultList())
                .as(facts.toString())
                .isEqualTo(expected.getResultList());
            combinations++;
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(224);
  }

  private static DmnDecision parse(DmnEngine engine) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("workflows", "triage.dmn"))) {
      return engine.parseDecision(ProcessConstants.TRIAGE_DECISION, in);
    }
  }

  /** The value, or the exception's class: both engines must fail alike where they fail. */
  private static List<Object> outcome(java.util.function.Supplier<Object> evaluation) {
    List<Object> out = new ArrayList<>();
    Throwable failure = catchThrowable(() -> out.add(evaluation.get()));
    if (failure != null) {
      out.clear();
      out.add(failure.getClass());
    }
    return out.stream().map(o -> o == null ? "null" : o).map(Objects::requireNonNull).toList();
  }
}
