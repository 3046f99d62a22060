package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.opsflow.ticket.model.TicketProcessSteps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code ticket} process: triage, waiting for the resolution, the quiet-period timer that
 * closes a resolved ticket (moved by the engine clock), a reply that reopens it, a close at any
 * time, and a ticket reopened while the close ran.
 */
class TicketProcessTest {
  private static final Instant T0 = Instant.parse("2026-11-20T15:30:00Z");
  private static final Steps steps = new Steps();

  @RegisterExtension
  static final ProcessFixture fixture =
      new ProcessFixture(
          TestEngines.newEngine(new RecordingIncidentSteps(), EngineFactory.NO_SLA, steps), T0);

  private final CamundaTicketWorkflow workflow = new CamundaTicketWorkflow(fixture.engine());

  /** Records the calls; autoClose answers false for the tickets listed as reopened. */
  static final class Steps implements TicketProcessSteps {
    final List<String> calls = new ArrayList<>();
    final Set<String> reopenedMeanwhile = new HashSet<>();

    @Override
    public synchronized String triage(String ticketId) {
      calls.add("triage:" + ticketId);
      return "P3D";
    }

    @Override
    public synchronized boolean autoClose(String ticketId) {
      calls.add("autoClose:" + ticketId);
      return !reopenedMeanwhile.remove(ticketId);
    }

    synchronized List<String> callsFor(String ticketId) {
      return calls.stream().filter(c -> c.endsWith(":" + ticketId)).toList();
    }
  }

  @Test
  void aResolvedTicketClosesAfterTheQuietPeriod() {
    workflow.start("t-1", "acme");
    workflow.start("t-1", "acme");
    ProcessInstance instance = instance("t-1");
    assertThat(instance).hasPassed("triageTicket").isWaitingAt("awaitResolution");
    workflow.resolved("t-1");
    assertThat(instance).isWaitingAt("awaitReply");
    Job timer = fixture.timer(instance);
    assertThat(timer.getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofDays(3))));

    fixture.clockAt(T0.plus(Duration.ofDays(3)).minusSeconds(1));
    assertThat(fixture.dueTimers(instance)).isEmpty();
    fixture.clockAt(T0.plus(Duration.ofDays(3)).plusSeconds(1));
    fixture.execute(fixture.dueTimers(instance).get(0));
    assertThat(instance).hasPassed("autoCloseTicket", "ticketClosed").isEnded();
    assertThat(steps.callsFor("t-1")).containsExactly("triage:t-1", "autoClose:t-1");
    workflow.closed("t-1");
    workflow.start("t-1", "acme");
    assertThat(steps.callsFor("t-1")).hasSize(2);
  }

  @Test
  void aReplyReopensAndTheNextResolutionStartsTheQuietPeriodAgain() {
    workflow.start("t-2", "acme");
    ProcessInstance instance = instance("t-2");
    workflow.resolved("t-2");
    workflow.reopened("t-2");
    assertThat(instance).hasPassed("reopened").isWaitingAt("awaitResolution");
    assertThat(fixture.timers(instance)).isEmpty();
    workflow.reopened("t-2");
    fixture.clockAt(T0.plus(Duration.ofDays(1)));
    workflow.resolved("t-2");
    assertThat(fixture.timer(instance).getDuedate())
        .isEqualTo(Date.from(T0.plus(Duration.ofDays(4))));
  }

  @Test
  void aCloseEndsTheProcessWhetherOpenOrResolved() {
    workflow.start("t-3", "acme");
    ProcessInstance open = instance("t-3");
    workflow.closed("t-3");
    assertThat(open).hasPassed("closedWhileOpen").isEnded();

    workflow.start("t-4", "acme");
    ProcessInstance resolved = instance("t-4");
    workflow.resolved("t-4");
    workflow.closed("t-4");
    assertThat(resolved).hasPassed("closedWhileResolved").isEnded();
    assertThat(steps.callsFor("t-4")).containsExactly("triage:t-4");
  }

  @Test
  void aTicketReopenedWhileClosingGoesBackToWaitingForItsResolution() {
    steps.reopenedMeanwhile.add("t-5");
    workflow.start("t-5", "acme");
    ProcessInstance instance = instance("t-5");
    workflow.resolved("t-5");
    fixture.clockAt(T0.plus(Duration.ofDays(3)).plusSeconds(1));
    fixture.execute(fixture.dueTimers(instance).get(0));
    assertThat(instance).hasPassed("autoCloseTicket").isWaitingAt("awaitResolution");
  }

  private ProcessInstance instance(String ticketId) {
    return fixture.instance("ticket", ticketId);
  }
}
