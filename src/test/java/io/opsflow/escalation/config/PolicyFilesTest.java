package io.opsflow.escalation.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.escalation.config.PolicyFiles.Result;
import io.opsflow.escalation.model.EscalationPolicy;
import io.opsflow.escalation.model.FakeDirectory;
import io.opsflow.escalation.model.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFilesTest {
  @TempDir Path dir;
  private final PolicyFiles files = new PolicyFiles(FakeDirectory.aTeam());

  private Path file(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  void loadsTheExampleFile() throws IOException {
    Result result = files.load(Path.of("config/policies.example.yaml"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.policies())
        .extracting(EscalationPolicy::id)
        .containsExactly("web-production", "internal-tools");
    EscalationPolicy web = result.policies().get(0);
    assertThat(web.name()).isEqualTo("Web, production (P-0/P-1)");
    assertThat(web.repeat()).isEqualTo(2);
    assertThat(web.levels().get(1).delayBeforeNext()).isEqualTo(Duration.ofMinutes(15));
    assertThat(web.levels().get(0).targets())
        .containsExactly(
            new Target.ScheduleTarget("web-primary"), new Target.SlackChannelTarget("#inc-web"));
    assertThat(result.policies().get(1).repeat()).isZero();
  }

  @Test
  void refusesAnUnknownUserWithFileAndLine() throws IOException {
    Path bad =
        file(
            "bad.yaml",
            """
            policies:
              - id: web
                levels:
                  - delay: 10m
                    targets:
                      - user: alice
                      - user: mallory
            """);

    Result result = files.load(bad);

    assertThat(result.ok()).isFalse();
    assertThat(result.policies()).isEmpty();
    assertThat(result.problems())
        .containsExactly(bad + ":7: policy 'web': levels[0].targets[1]: unknown user 'mallory'");
  }

  @Test
  void refusesALevelThatReachesNobodyAndAShortDelay() throws IOException {
    FakeDirectory directory = FakeDirectory.aTeam().withSchedule("empty");
    Path bad =
        file(
            "bad.yaml",
            """
            policies:
              - id: db
                repeat: 12
                levels:
                  - delay: 30s
                    targets:
                      - user: bob
                  - delay: PT5M
                    targets:
                      - schedule: empty
            """);

    Result result = new PolicyFiles(directory).load(bad);

    assertThat(result.problems())
        .containsExactly(
            bad + ":3: policy 'db': repeat: repeat must be between 0 and 9, was 12",
            bad + ":5: policy 'db': levels[0].delay: delay must be at least 1 minute, was PT30S",
            bad
                + ":8: policy 'db': levels[1]: level can reach nobody:"
                + " its schedules have no participants");
  }

  @Test
  void refusesShapeErrorsWithTheirLines() throws IOException {
    Path bad =
        file(
            "shape.yaml",
            """
            policies:
              - id: web
                levles: []
              - id: tools
                levels:
                  - delay: soon
                    targets:
                      - pager: carol
            """);

    assertThat(files.load(bad).problems())
        .containsExactly(
            bad + ":3: unknown key 'levles' in a policy",
            bad + ":6: delay 'soon' is not a duration (PT10M or 10m)",
            bad + ":8: unknown key 'pager' in a target (user, schedule or slack)");
  }

  @Test
  void refusesATargetNamingTwoThingsAndAFileWithoutPolicies() throws IOException {
    Path two =
        file(
            "two.yaml",
            """
            policies:
              - id: web
                levels:
                  - delay: 5m
                    targets:
                      - user: alice
                        schedule: web-primary
            """);
    Path none = file("none.yaml", "policy:\n  id: web\n");

    assertThat(files.load(two).problems())
        .containsExactly(two + ":6: a target names exactly one user, schedule or slack");
    assertThat(files.load(none).problems())
        .containsExactly(none + ":1: expected 'policies:' followed by a list");
  }

  @Test
  void refusesMalformedYamlAndDuplicateKeys() throws IOException {
    Path broken = file("broken.yaml", "policies:\n  - id: [unclosed\n");
    Path twice = file("twice.yaml", "policies:\n  - id: a\n    id: b\n");

    assertThat(files.load(broken).problems()).singleElement().asString().startsWith(broken + ":");
    assertThat(files.load(twice).problems()).containsExactly(twice + ":3: key 'id' appears twice");
  }

  @Test
  void allOrNothingAcrossFilesAndNoPolicyTwice() throws IOException {
    Path good =
        file(
            "a.yaml",
            "policies:\n  - id: web\n    levels:\n      - delay: 5m\n        targets:\n          - user: alice\n");
    Path again =
        file(
            "b.yaml",
            "policies:\n  - id: web\n    levels:\n      - delay: 5m\n        targets:\n          - user: bob\n");

    Result result = files.loadDirectory(dir);

    assertThat(result.policies()).isEmpty();
    assertThat(result.problems())
        .containsExactly(again + ":2: policy 'web' is already defined at " + good + ":2");
    assertThat(files.load(good).policies()).hasSize(1);
  }
}
