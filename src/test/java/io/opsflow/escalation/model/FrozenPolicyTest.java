package io.opsflow.escalation.model;

import static io.opsflow.escalation.model.Policies.aWebPolicy;
import static io.opsflow.escalation.model.Policies.level;
import static io.opsflow.escalation.model.Policies.schedule;
import static io.opsflow.escalation.model.Policies.slack;
import static io.opsflow.escalation.model.Policies.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrozenPolicyTest {
  private static final Instant STARTED = Instant.parse("2026-10-25T01:30:00.123Z");

  @Test
  void roundTripsThroughItsTextForm() {
    FrozenPolicy frozen = FrozenPolicy.of(aWebPolicy(3), STARTED);

    String text = frozen.toText();

    assertThat(FrozenPolicy.fromText(text)).isEqualTo(frozen);
    assertThat(text).startsWith("opsflow-frozen-policy 1\n").doesNotContain("\r");
  }

  @Test
  void roundTripsSpecialCharactersInNamesAndTargets() {
    String name = "Ops: \"P-0\" & 100% uptime\nline two\ttab, ünïcødé 🚨 a+b=c %41 user:x";
    EscalationPolicy policy =
        new EscalationPolicy(
            "id with spaces:and:colons",
            name,
            List.of(
                level(
                    Duration.ofSeconds(90),
                    user("jane.doe@example.com"),
                    schedule("sched one\nnext"),
                    slack("#inc web %20"),
                    user(""))),
            0);
    FrozenPolicy frozen = FrozenPolicy.of(policy, STARTED);

    FrozenPolicy back = FrozenPolicy.fromText(frozen.toText());

    assertThat(back).isEqualTo(frozen);
    assertThat(back.name()).isEqualTo(name);
  }

  @Test
  void roundTripsAnEmptyName() {
    FrozenPolicy frozen =
        FrozenPolicy.of(
            new EscalationPolicy("p", "", List.of(level(Duration.ofMinutes(1), user("a"))), 0),
            STARTED);

    assertThat(FrozenPolicy.fromText(frozen.toText())).isEqualTo(frozen);
  }

  @Test
  void laterEditsOfTheLivePolicyDoNotChangeAFrozenOne() {
    List<EscalationLevel> levels = new ArrayList<>(aWebPolicy(1).levels());
    EscalationPolicy live = new EscalationPolicy("web", "Web", levels, 1);
    FrozenPolicy frozen = FrozenPolicy.of(live, STARTED);
    String kept = frozen.toText();

    levels.add(level(Duration.ofMinutes(5), user("carol")));
    EscalationPolicy edited = new EscalationPolicy("web", "Web (edited)", levels.subList(2, 3), 0);

    assertThat(frozen.levels()).hasSize(2);
    assertThat(frozen.name()).isEqualTo("Web");
    assertThat(frozen.repeat()).isEqualTo(1);
    assertThat(FrozenPolicy.fromText(kept)).isEqualTo(frozen);
    assertThat(FrozenPolicy.of(edited, STARTED)).isNotEqualTo(frozen);
    EscalationPlan plan = new EscalationPlan(frozen, STARTED, FakeDirectory.aTeam());
    assertThat(plan.stepCount()).isEqualTo(4);
  }

  @Test
  void refusesTextThatIsNotAFrozenPolicy() {
    String good = FrozenPolicy.of(aWebPolicy(0), STARTED).toText();

    assertThatThrownBy(() -> FrozenPolicy.fromText(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FrozenPolicy.fromText(good.replace("repeat 0", "repeat x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FrozenPolicy.fromText(good.replace("user:", "pager:")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown target");
    assertThatThrownBy(() -> FrozenPolicy.fromText(good.replace("PT10M", "ten minutes")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
