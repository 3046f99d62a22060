package io.opsflow.incident.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.incident.model.AlertGrouping.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The grouping rules on their own: one open incident per identity, and what each signal does. */
class AlertGroupingTest {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  private final AlertGrouping grouping = new AlertGrouping();
  private final InMemoryIncidentStore store = new InMemoryIncidentStore();

  @Test
  void theFirstTriggerOpensAnIncidentAndStartsItsProcess() {
    assertThat(grouping.apply(aTrigger("disk", "warning", T0), store)).isEqualTo(Outcome.OPENED);
    Incident i = store.incidents.values().iterator().next();
    assertThat(i.status()).isEqualTo(IncidentStatus.TRIGGERED);
    assertThat(i.alertCount()).isEqualTo(1);
    assertThat(store.kinds()).containsExactly("opened");
    assertThat(store.signals)
        .extracting(WorkflowSignal::kind)
        .containsExactly(WorkflowSignal.Kind.START);
    assertThat(store.events)
        .extracting(IncidentEvent::type)
        .containsExactly(IncidentEvent.TRIGGERED);
  }

  @Test
  void repeatsCountButAddNoTimelineAndNoWorkflowStep() {
    grouping.apply(aTrigger("disk", "warning", T0), store);
    assertThat(grouping.apply(aTrigger("disk", "warning", T0.plusSeconds(60)), store))
        .isEqualTo(Outcome.UPDATED);
    Incident i = store.incidents.values().iterator().next();
    assertThat(i.eventCount()).isEqualTo(2);
    assertThat(i.lastSeenAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(store.kinds()).containsExactly("opened");
    assertThat(store.signals).hasSize(1);
    assertThat(store.incidents).hasSize(1);
  }

  @Test
  void aNewAlertInTheGroupIsAddedToTheIncident() {
    grouping.apply(aTrigger("disk", "warning", T0), store);
    AlertSignal other = signal("disk", AlertSignal.Action.TRIGGER, "warning", T0, "fp-2", true);
    grouping.apply(other, store);
    assertThat(store.incidents.values().iterator().next().alertCount()).isEqualTo(2);
    assertThat(store.kinds()).containsExactly("opened", "alert_added");

    AlertSignal resolvedOne =
        signal("disk", AlertSignal.Action.TRIGGER, "warning", T0.plusSeconds(9), "fp-2", false);
    grouping.apply(resolvedOne, store);
    assertThat(store.kinds()).containsExactly("opened", "alert_added", "alert_resolved");
    assertThat(store.events)
        .extracting(IncidentEvent::type)
        .containsExactly(
            IncidentEvent.TRIGGERED, IncidentEvent.ALERT_ADDED, IncidentEvent.ALERT_RESOLVED);
  }

  @Test
  void aRisingSeverityRaisesThePriorityButNeverLowersIt() {
    grouping.apply(aTrigger("disk", "warning", T0), store);
    Incident i = store.incidents.values().iterator().next();
    new Triage()
        .apply(i, new TriageFacts("warning", "", "", ""), TriageDecision.none("test"), T0, store);
    assertThat(i.priority()).isEqualTo("P-2");
    grouping.apply(aTrigger("disk", "critical", T0.plusSeconds(30)), store);
    assertThat(i.severity()).isEqualTo("critical");
    assertThat(i.priority()).isEqualTo("P-0");
    grouping.apply(aTrigger("disk", "info", T0.plusSeconds(60)), store);
    assertThat(i.severity()).isEqualTo("critical");
    assertThat(store.kinds()).contains("severity_raised", "reprioritized");
  }

  @Test
  void resolveClosesAndANewTriggerOpensAFreshIncident() {
    grouping.apply(aTrigger("disk", "error", T0), store);
    assertThat(grouping.apply(aResolve("disk", T0.plusSeconds(5)), store))
        .isEqualTo(Outcome.RESOLVED);
    assertThat(grouping.apply(aResolve("disk", T0.plusSeconds(6)), store))
        .isEqualTo(Outcome.DROPPED);
    assertThat(grouping.apply(anAcknowledge("disk", T0.plusSeconds(7)), store))
        .isEqualTo(Outcome.DROPPED);
    assertThat(grouping.apply(aTrigger("disk", "error", T0.plusSeconds(8)), store))
        .isEqualTo(Outcome.OPENED);
    assertThat(store.incidents).hasSize(2);
    assertThat(store.incidents.values())
        .extracting(Incident::status)
        .containsExactlyInAnyOrder(IncidentStatus.RESOLVED, IncidentStatus.TRIGGERED);
  }

  @Test
  void acknowledgeOnlyOnceAndResolveAfterIt() {
    grouping.apply(aTrigger("disk", "error", T0), store);
    assertThat(grouping.apply(anAcknowledge("disk", T0.plusSeconds(1)), store))
        .isEqualTo(Outcome.ACKNOWLEDGED);
    assertThat(grouping.apply(anAcknowledge("disk", T0.plusSeconds(2)), store))
        .isEqualTo(Outcome.UPDATED);
    grouping.apply(aResolve("disk", T0.plusSeconds(3)), store);
    assertThat(store.signals)
        .extracting(WorkflowSignal::kind)
        .containsExactly(
            WorkflowSignal.Kind.START,
            WorkflowSignal.Kind.ACKNOWLEDGE,
            WorkflowSignal.Kind.RESOLVE);
  }

  @Test
  void identitiesAreScopedToTheIntegration() {
    grouping.apply(aTrigger("disk", "error", T0), store);
    AlertSignal sameKeyOtherIntegration =
        new AlertSignal(
            UUID.randomUUID().toString(),
            "org",
            "integration-2",
            "integration:b",
            "events",
            "disk",
            AlertSignal.Action.TRIGGER,
            "Disk",
            "error",
            "{}",
            T0,
            List.of(new AlertSignal.Item("disk", true, "Disk", "{}")));
    assertThat(grouping.apply(sameKeyOtherIntegration, store)).isEqualTo(Outcome.OPENED);
  }

  @Test
  void triageRecordsTheTablesAnswerOrFallsBackToTheSeverityRule() {
    grouping.apply(aTrigger("checkout", "error", T0), store);
    grouping.apply(aTrigger("other", "critical", T0), store);
    Incident checkout = find("checkout");
    Incident other = find("other");
    Triage triage = new Triage();

    triage.apply(
        checkout,
        new TriageFacts("error", "green", "gold", "checkout"),
        new TriageDecision("P-1", "", "triage.dmn"),
        T0,
        store);
    triage.apply(
        other, new TriageFacts("critical", "", "", ""), TriageDecision.none("no row"), T0, store);

    assertThat(checkout.priority()).isEqualTo("P-1");
    assertThat(other.priority()).isEqualTo("P-0");
    assertThat(store.timeline)
        .extracting(TimelineEntry::message)
        .contains(
            "Triaged as P-1 by triage.dmn (service checkout, zone green, severity error)",
            "Triaged as P-0 from severity 'critical' (no row; no service matched, severity critical)");
    assertThat(triage.prioritizeByHand(checkout, "P-0", "user:alice", T0, store)).isTrue();
    assertThat(store.timeline.get(store.timeline.size() - 1).message())
        .isEqualTo("Priority changed from P-1 to P-0 by user:alice");
    assertThat(triage.prioritizeByHand(checkout, "P-0", "user:alice", T0, store)).isFalse();
  }

  private Incident find(String key) {
    return store.incidents.values().stream()
        .filter(i -> i.alertKey().equals(key))
        .findFirst()
        .orElseThrow();
  }

  private static AlertSignal aTrigger(String key, String severity, Instant at) {
    return signal(key, AlertSignal.Action.TRIGGER, severity, at, key, true);
  }

  private static AlertSignal aResolve(String key, Instant at) {
    return signal(key, AlertSignal.Action.RESOLVE, "error", at, key, false);
  }

  private static AlertSignal anAcknowledge(String key, Instant at) {
    return signal(key, AlertSignal.Action.ACKNOWLEDGE, "error", at, key, true);
  }

  private static AlertSignal signal(
      String key,
      AlertSignal.Action action,
      String severity,
      Instant at,
      String fp,
      boolean firing) {
    return new AlertSignal(
        UUID.randomUUID().toString(),
        "org",
        "integration-1",
        "integration:prometheus",
        "events",
        key,
        action,
        "Disk almost full",
        severity,
        "{}",
        at,
        List.of(new AlertSignal.Item(fp, firing, "Disk almost full", "{}")));
  }
}
