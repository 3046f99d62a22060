package io.opsflow.escalation.model;

import static io.opsflow.escalation.model.Policies.aWebPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.incident.model.EscalationDecision;
import io.opsflow.incident.model.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscalatorTest {
  private static final Instant START = Instant.parse("2026-03-29T00:50:00Z");
  private final FakeDirectory directory = FakeDirectory.aTeam();
  private final Escalator escalator = new Escalator();

  private static EscalationPolicy named(String id) {
    EscalationPolicy web = aWebPolicy(0);
    return new EscalationPolicy(id, id, web.levels(), web.repeat());
  }

  private String frozenWebPolicy(int repeat) {
    return escalator.freeze(List.of(aWebPolicy(repeat)), START);
  }

  @Test
  void theDefaultPolicyIsChosenElseTheOnlyOneElseNone() {
    assertThat(escalator.choose(List.of(named("web"), named("default"), named("db"))))
        .map(EscalationPolicy::id)
        .contains("default");
    assertThat(escalator.choose(List.of(named("web")))).map(EscalationPolicy::id).contains("web");
    assertThat(escalator.choose(List.of(named("web"), named("db")))).isEmpty();
    assertThat(escalator.choose(List.of())).isEmpty();
    assertThat(escalator.freeze(List.of(), START)).isEmpty();
  }

  @Test
  void thePolicyTriageChoseWinsWhenConfiguredElseTheDefaultRule() {
    List<EscalationPolicy> policies = List.of(named("web"), named("default"), named("db"));

    assertThat(escalator.choose(policies, "db")).map(EscalationPolicy::id).contains("db");
    assertThat(escalator.choose(policies, "gone")).map(EscalationPolicy::id).contains("default");
    assertThat(escalator.choose(policies, "")).map(EscalationPolicy::id).contains("default");
  }

  @Test
  void theFrozenTextIsThePolicyAsItStoodWhenTheIncidentStarted() {
    FrozenPolicy frozen = FrozenPolicy.fromText(frozenWebPolicy(1));

    assertThat(frozen.policyId()).isEqualTo("web-production");
    assertThat(frozen.takenAt()).isEqualTo(START);
    assertThat(frozen.repeat()).isEqualTo(1);
  }

  @Test
  void aTriggeredIncidentEscalatesAndWaitsUntilTheNextStepIsDue() {
    Escalator.Outcome first =
        escalator.escalate(IncidentStatus.TRIGGERED, frozenWebPolicy(0), 0, START, directory);

    assertThat(first.decision())
        .isEqualTo(new EscalationDecision(EscalationDecision.Outcome.CONTINUE, "PT10M", 1));
    assertThat(first.timelineMessage())
        .contains("Escalated to level 1 (round 1): alice; Slack #inc-web");
  }

  @Test
  void aLateTimerDoesNotPushTheNextStepsBack() {
    Instant late = START.plus(Duration.ofMinutes(3));

    Escalator.Outcome first =
        escalator.escalate(IncidentStatus.TRIGGERED, frozenWebPolicy(0), 0, late, directory);

    assertThat(first.decision().delayBeforeNext()).isEqualTo("PT7M");
  }

  @Test
  void theLastStepRunsThenEscalationStops() {
    Escalator.Outcome last =
        escalator.escalate(
            IncidentStatus.TRIGGERED,
            frozenWebPolicy(1),
            3,
            START.plus(Duration.ofMinutes(60)),
            directory);

    assertThat(last.decision()).isEqualTo(EscalationDecision.stop());
    assertThat(last.timelineMessage())
        .contains("Escalated to level 2 (round 2): bob, engineering-manager");
    assertThat(
            escalator.escalate(IncidentStatus.TRIGGERED, frozenWebPolicy(1), 4, START, directory))
        .isEqualTo(new Escalator.Outcome(EscalationDecision.stop(), Optional.empty()));
  }

  @Test
  void anAcknowledgedOrResolvedIncidentStopsWithoutAStep() {
    for (IncidentStatus status : List.of(IncidentStatus.ACKNOWLEDGED, IncidentStatus.RESOLVED)) {
      Escalator.Outcome outcome =
          escalator.escalate(status, frozenWebPolicy(0), 0, START, directory);

      assertThat(outcome.decision()).isEqualTo(EscalationDecision.stop());
      assertThat(outcome.step()).isEmpty();
    }
  }

  @Test
  void noPolicyOrAnUnreadableOneStopsWithoutAStep() {
    assertThat(escalator.escalate(IncidentStatus.TRIGGERED, "", 0, START, directory).step())
        .isEmpty();
    assertThat(
            escalator
                .escalate(IncidentStatus.TRIGGERED, "not a policy", 0, START, directory)
                .step())
        .isEmpty();
  }

  @Test
  void aScheduleWithNobodyOnCallIsSaid() {
    directory.handOff("web-primary", START, null);

    Escalator.Outcome first =
        escalator.escalate(IncidentStatus.TRIGGERED, frozenWebPolicy(0), 0, START, directory);

    assertThat(first.timelineMessage().orElseThrow())
        .startsWith("Escalated to level 1 (round 1): nobody on call; Slack #inc-web");
  }
}
