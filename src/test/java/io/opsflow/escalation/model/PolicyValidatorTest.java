package io.opsflow.escalation.model;

import static io.opsflow.escalation.model.Policies.aWebPolicy;
import static io.opsflow.escalation.model.Policies.level;
import static io.opsflow.escalation.model.Policies.schedule;
import static io.opsflow.escalation.model.Policies.slack;
import static io.opsflow.escalation.model.Policies.user;
import static io.opsflow.escalation.model.Policies.withLevels;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private final FakeDirectory directory = FakeDirectory.aTeam().withSchedule("nobody-yet");
  private final PolicyValidator validator = new PolicyValidator();

  private List<String> problems(EscalationPolicy policy) {
    return validator.validate(policy, directory);
  }

  @Test
  void aSoundPolicyPasses() {
    assertThat(problems(aWebPolicy(2))).isEmpty();
  }

  @Test
  void refusesAnUnknownUser() {
    assertThat(problems(withLevels(level(TEN_MINUTES, user("alice"), user("mallory")))))
        .containsExactly("levels[0].targets[1]: unknown user 'mallory'");
  }

  @Test
  void refusesAnUnknownSchedule() {
    assertThat(problems(withLevels(level(TEN_MINUTES, schedule("db-primary")))))
        .containsExactly("levels[0].targets[0]: unknown schedule 'db-primary'");
  }

  @Test
  void refusesALevelWithNoTargets() {
    assertThat(problems(withLevels(level(TEN_MINUTES), level(TEN_MINUTES, user("bob")))))
        .containsExactly("levels[0]: level has no targets");
  }

  @Test
  void refusesALevelWhoseOnlySchedulesReachNobody() {
    assertThat(problems(withLevels(level(TEN_MINUTES, schedule("nobody-yet")))))
        .containsExactly("levels[0]: level can reach nobody: its schedules have no participants");
  }

  @Test
  void anEmptyScheduleNextToAPersonOrChannelIsAccepted() {
    assertThat(problems(withLevels(level(TEN_MINUTES, schedule("nobody-yet"), user("bob")))))
        .isEmpty();
    assertThat(problems(withLevels(level(TEN_MINUTES, schedule("nobody-yet"), slack("#ops")))))
        .isEmpty();
  }

  @Test
  void refusesADelayUnderOneMinute() {
    assertThat(problems(withLevels(level(Duration.ofSeconds(59), user("bob")))))
        .containsExactly("levels[0].delay: delay must be at least 1 minute, was PT59S");
    assertThat(problems(withLevels(level(Duration.ofMinutes(1), user("bob"))))).isEmpty();
  }

  @Test
  void refusesARepeatOutOfZeroToNine() {
    assertThat(problems(aWebPolicy(-1)))
        .containsExactly("repeat: repeat must be between 0 and 9, was -1");
    assertThat(problems(aWebPolicy(10)))
        .containsExactly("repeat: repeat must be between 0 and 9, was 10");
    assertThat(problems(aWebPolicy(0))).isEmpty();
    assertThat(problems(aWebPolicy(9))).isEmpty();
  }

  @Test
  void refusesAPolicyWithNoLevels() {
    assertThat(problems(withLevels())).containsExactly("levels: policy has no levels");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    EscalationPolicy bad =
        new EscalationPolicy(
            "bad", "Bad", List.of(level(Duration.ZERO, user("mallory")), level(TEN_MINUTES)), 12);
    assertThat(problems(bad)).hasSize(4);
  }
}
