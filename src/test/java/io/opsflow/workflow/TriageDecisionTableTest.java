package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.incident.model.TriageFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rows of {@code workflows/triage.dmn}, evaluated by a standalone DMN engine. */
class TriageDecisionTableTest {
  private static DmnEngine dmn;
  private static DmnDecision triage;

  @BeforeAll
  static void parseTable() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("workflows", "triage.dmn"))) {
      triage = dmn.parseDecision(ProcessConstants.TRIAGE_DECISION, in);
    }
  }

  @ParameterizedTest(name = "severity {0}, zone {1}, tier {2} -> {3}")
  @CsvSource({
    // production (green): severely impacted P-0, partial use P-1, informational P-2
    "critical, green, gold,   P-0",
    "critical, green, bronze, P-0",
    "error,    green, silver, P-1",
    "warning,  green, gold,   P-1",
    "info,     green, gold,   P-2",
    // security issues are P-0 in any zone, and without a service
    "security, red,   bronze, P-0",
    "security, '',    '',     P-0",
    // non-production (red): critical blocks promotion P-1, the rest P-2
    "critical, red,   gold,   P-1",
    "error,    red,   gold,   P-2",
    "info,     red,   bronze, P-2",
    // no service matched: the severity rule
    "critical, '',    '',     P-0",
    "error,    '',    '',     P-1",
    "warning,  '',    '',     P-2",
    "'',       '',    '',     P-2",
  })
  void priorityFollowsTheContract(String severity, String zone, String tier, String priority) {
    DmnDecisionResultEntries result = evaluate(new TriageFacts(severity, zone, tier, "checkout"));

    assertThat((Object) result.getEntryMap().get(ProcessConstants.TRIAGE_OUT_PRIORITY))
        .isEqualTo(priority);
    assertThat(result.getEntryMap().get(ProcessConstants.TRIAGE_OUT_POLICY)).isNull();
  }

  private static DmnDecisionResultEntries evaluate(TriageFacts facts) {
    return dmn.evaluateDecision(triage, facts.asInputs()).getFirstResult();
  }
}
