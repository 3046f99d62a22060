package io.opsflow.escalation.model;

import static io.opsflow.escalation.model.Policies.aWebPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.escalation.model.EscalationPlan.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPlanTest {
  private static final Instant START = Instant.parse("2026-03-29T00:50:00Z");
  private final FakeDirectory directory = FakeDirectory.aTeam();

  private EscalationPlan plan(int repeat) {
    return new EscalationPlan(FrozenPolicy.of(aWebPolicy(repeat), START), START, directory);
  }

  @Test
  void stepsRunTheLevelsOnceThenOncePerRepeatThenStop() {
    EscalationPlan plan = plan(2);

    assertThat(plan.stepCount()).isEqualTo(6);
    for (int k = 0; k < 6; k++) {
      Step step = plan.step(k, START).orElseThrow();
      assertThat(step.index()).isEqualTo(k);
      assertThat(step.level()).isEqualTo(k % 2);
      assertThat(step.round()).isEqualTo(k / 2);
    }
    assertThat(plan.step(6, START)).isEmpty();
    assertThat(plan.step(-1, START)).isEmpty();
  }

  @Test
  void withoutRepeatTheLevelsRunOnce() {
    EscalationPlan plan = plan(0);

    assertThat(plan.step(1, START)).isPresent();
    assertThat(plan.step(2, START)).isEmpty();
  }

  @Test
  void aStepCarriesItsDelayChannelsAndRecipients() {
    Step first = plan(0).step(0, START).orElseThrow();
    Step second = plan(0).step(1, START).orElseThrow();

    assertThat(first.delayBeforeNext()).isEqualTo(Duration.ofMinutes(10));
    assertThat(first.resolvedRecipients()).containsExactly("alice");
    assertThat(first.slackChannels()).containsExactly("#inc-web");
    assertThat(second.delayBeforeNext()).isEqualTo(Duration.ofMinutes(15));
    assertThat(second.resolvedRecipients()).containsExactly("bob", "engineering-manager");
    assertThat(second.slackChannels()).isEmpty();
  }

  @Test
  void stepsFallDueAfterTheDelaysOfTheStepsBefore() {
    EscalationPlan plan = plan(1);

    assertThat(plan.dueAt(0)).contains(START);
    assertThat(plan.dueAt(1)).contains(START.plus(Duration.ofMinutes(10)));
    assertThat(plan.dueAt(2)).contains(START.plus(Duration.ofMinutes(25)));
    assertThat(plan.dueAt(3)).contains(START.plus(Duration.ofMinutes(35)));
    assertThat(plan.dueAt(4)).isEmpty();
  }

  @Test
  void schedulesAreResolvedWhenTheStepRunsNotWhenThePolicyWasFrozen() {
    Instant handOff = START.plus(Duration.ofMinutes(30));
    directory.withUsers("dave").handOff("web-primary", handOff, "dave");
    EscalationPlan plan = plan(1);

    assertThat(plan.step(0, START).orElseThrow().resolvedRecipients()).containsExactly("alice");
    assertThat(plan.step(2, handOff.plusSeconds(60)).orElseThrow().resolvedRecipients())
        .containsExactly("dave");
  }

  @Test
  void aScheduleWithNobodyOnCallAddsNobody() {
    Instant gap = START.plus(Duration.ofMinutes(5));
    directory.handOff("web-primary", gap, null);

    Step step = plan(0).step(0, gap).orElseThrow();

    assertThat(step.resolvedRecipients()).isEmpty();
    assertThat(step.slackChannels()).containsExactly("#inc-web");
  }

  @Test
  void aPersonReachedTwiceInOneStepIsNotifiedOnce() {
    EscalationPolicy policy =
        Policies.withLevels(
            Policies.level(
                Duration.ofMinutes(5), Policies.user("alice"), Policies.schedule("web-primary")));
    EscalationPlan plan = new EscalationPlan(FrozenPolicy.of(policy, START), START, directory);

    assertThat(plan.step(0, START).orElseThrow().resolvedRecipients()).isEqualTo(List.of("alice"));
  }
}
