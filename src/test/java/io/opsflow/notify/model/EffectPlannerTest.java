package io.opsflow.notify.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.escalation.model.EscalationPlan;
import io.opsflow.escalation.model.User;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.incident.model.Incidents;
import io.opsflow.notify.model.Effect.Invite;
import io.opsflow.notify.model.Effect.OpenBridge;
import io.opsflow.notify.model.Effect.OpenRoom;
import io.opsflow.notify.model.Effect.Page;
import io.opsflow.notify.model.Effect.PostToChannel;
import io.opsflow.notify.model.Effect.PostToRoom;
import io.opsflow.notify.model.Effect.RefreshSummary;
import io.opsflow.notify.model.Effect.SendMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectPlannerTest {
  private static final Instant LATER = Incidents.OPENED.plus(Duration.ofMinutes(7));
  private static final Map<String, User> USERS =
      Map.of(
          "alice", new User("alice", "Alice", "alice@example.com", "U0ALICE"),
          "dave", new User("dave", "Dave", "dave@example.com", null),
          "nomail", new User("nomail", "No Mail", null, "U0NOMAIL"));

  private final EffectPlanner all = new EffectPlanner(EffectSettings.defaults(true, true, true));
  private final EffectPlanner none = new EffectPlanner(EffectSettings.defaults(false, false, true));

  @Test
  void aP0GetsAWarRoomItsSummaryAndABridge() {
    Incident i = Incidents.aP0Incident();

    EffectPlan plan = all.onPrioritized(i, false, "triaged");

    assertThat(plan.effects())
        .containsExactly(
            new OpenRoom(i.id(), new IncidentMessages().channelName(i)),
            new RefreshSummary(i.id(), "triaged"),
            new OpenBridge(
                i.id(), "P-0 incident " + i.id().substring(0, 8) + " Checkout 5xx above 5%"));
    assertThat(plan.notes()).isEmpty();
  }

  @Test
  void aP1GetsARoomButNoBridgeAndAP2Nothing() {
    assertThat(all.onPrioritized(Incidents.aTriagedIncident("P-1", "x"), false, "t").effects())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("OpenRoom", "RefreshSummary");
    assertThat(all.onPrioritized(Incidents.aTriagedIncident("P-2", "x"), false, "t").isEmpty())
        .isTrue();
  }

  @Test
  void anOpenRoomIsNotOpenedAgainWhenThePriorityChanges() {
    Incident i = Incidents.aTriagedIncident("P-1", "x");

    EffectPlan plan = all.onPrioritized(i, true, "prioritized:1");

    assertThat(plan.effects()).containsExactly(new RefreshSummary(i.id(), "prioritized:1"));
  }

  @Test
  void whatIsNotConfiguredIsSaidOnTheTimelineInsteadOfPlanned() {
    EffectPlan plan = none.onPrioritized(Incidents.aP0Incident(), false, "t");

    assertThat(plan.effects()).isEmpty();
    assertThat(plan.notes())
        .containsExactly(
            "War room for P-0 not opened: not sent: Slack not configured",
            "Conference bridge for P-0 not opened: Zoom not configured");
  }

  @Test
  void anEscalationStepPagesInvitesMailsAndSaysItInTheRoomAndChannels() {
    Incident i = Incidents.aP0Incident();
    EscalationPlan.Step step =
        new EscalationPlan.Step(
            3, 1, 0, Duration.ofMinutes(5), List.of("alice", "dave", "nomail"), List.of("#ops"));

    EffectPlan plan = all.onEscalation(i, step, USERS, true);

    String p = i.id() + ":esc:3:";
    assertThat(plan.effects())
        .extracting(Effect::key)
        .containsExactly(
            p + "page:alice",
            p + "mail:alice",
            p + "page:dave",
            p + "mail:dave",
            p + "page:nomail",
            p + "invite",
            p + "room",
            p + "channel:#ops");
    assertThat(((Page) plan.effects().get(0)).person().chatMember()).isEqualTo("U0ALICE");
    assertThat(((SendMail) plan.effects().get(1)).to()).containsExactly("alice@example.com");
    assertThat(((SendMail) plan.effects().get(1)).html())
        .contains("Alice")
        .doesNotContain("<script");
    assertThat(((Invite) plan.effects().get(5)).people()).hasSize(3);
    assertThat(((PostToRoom) plan.effects().get(6)).text())
        .startsWith("Paging alice, dave, nomail for P-0 incident")
        .endsWith("(escalation level 2, round 1)");
    assertThat(((PostToChannel) plan.effects().get(7)).channel()).isEqualTo("#ops");
    assertThat(plan.notes()).containsExactly("No mail for nomail: no address configured");
    assertThat(all.onEscalation(i, step, USERS, true)).isEqualTo(plan);
  }

  @Test
  void withoutSlackAnEscalationStillMailsAndSaysWhatWasNotSent() {
    Incident i = Incidents.aP0Incident();
    EscalationPlan.Step step =
        new EscalationPlan.Step(0, 0, 0, Duration.ZERO, List.of("alice"), List.of("#ops"));

    EffectPlan plan = none.onEscalation(i, step, USERS, false);

    assertThat(plan.effects())
        .extracting(Effect::key)
        .containsExactly(i.id() + ":esc:0:mail:alice");
    assertThat(plan.notes())
        .containsExactly("Slack pages for level 1 not sent: Slack not configured");
  }

  @Test
  void acknowledgingAndResolvingRefreshTheSummaryAndSpeakInTheRoom() {
    Incident i = Incidents.acknowledged(Incidents.aP0Incident(), "user:alice", LATER);

    EffectPlan ack =
        all.onEvent(IncidentEvent.of(IncidentEvent.ACKNOWLEDGED, i, LATER, "user:alice"), i, true);
    assertThat(ack.effects())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("RefreshSummary", "PostToRoom");
    assertThat(((PostToRoom) ack.effects().get(1)).text())
        .isEqualTo("Acknowledged by user:alice after 7 min 0 s");

    Incidents.resolved(i, "user:bob", LATER.plus(Duration.ofHours(1)));
    EffectPlan resolved =
        all.onEvent(IncidentEvent.of(IncidentEvent.RESOLVED, i, LATER, "user:bob"), i, true);
    assertThat(((PostToRoom) resolved.effects().get(1)).text())
        .startsWith("Resolved by user:bob after 1 h 7 min. Acknowledged by user:alice")
        .contains("Priority P-0, 0 alerts");
    assertThat(all.onEvent(IncidentEvent.of(IncidentEvent.RESOLVED, i, LATER, "x"), i, false))
        .isEqualTo(EffectPlan.none());
  }

  @Test
  void reminderNumbersMakeTheirOwnKeys() {
    Incident i = Incidents.aP0Incident();

    assertThat(all.onReminder(i, 1, true).effects().get(0).key()).isEqualTo(i.id() + ":reminder:1");
    assertThat(all.onReminder(i, 2, true).effects().get(0).key()).isEqualTo(i.id() + ":reminder:2");
    assertThat(all.onReminder(i, 1, false).isEmpty()).isTrue();
  }
}
