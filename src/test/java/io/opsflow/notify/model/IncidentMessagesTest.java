package io.opsflow.notify.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.Incidents;
import io.opsflow.notify.model.Notifier.Button;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncidentMessagesTest {
  private final IncidentMessages messages = new IncidentMessages();

  @Test
  void channelNamesAreSlackSafeShortAndCarryTheIncidentId() {
    Incident i =
        Incidents.aTriagedIncident(
            "P-0", "Checkout: 5xx > 5% on EU-West!! (since 03:00) and a very long tail of words");

    String name = messages.channelName(i);

    assertThat(name)
        .startsWith("inc-" + i.id().replace("-", "").substring(0, 12) + "-checkout-5xx-5-on-eu")
        .matches("[a-z0-9-]+")
        .doesNotEndWith("-");
    assertThat(name.length()).isLessThanOrEqualTo(80);
    assertThat(messages.channelName(Incidents.aTriagedIncident("P-0", "!!!")))
        .matches("inc-[0-9a-f]{12}");
  }

  @Test
  void theSummaryOffersOnlyTheButtonsThatStillApply() {
    Incident i = Incidents.aP0Incident();
    assertThat(messages.summary(i, null, "k").buttons())
        .extracting(Button::actionId)
        .containsExactly("acknowledge", "resolve");

    Incidents.acknowledged(i, "user:alice", Instant.parse("2026-11-23T03:05:00Z"));
    assertThat(messages.summary(i, "https://zoom.example/j/1", "k").buttons())
        .extracting(Button::actionId)
        .containsExactly("resolve");
    assertThat(messages.summary(i, "https://zoom.example/j/1", "k").fields())
        .contains(
            new Notifier.Field("Acknowledged by", "user:alice"),
            new Notifier.Field("Bridge", "https://zoom.example/j/1"));

    Incidents.resolved(i, "user:bob", Instant.parse("2026-11-23T04:00:00Z"));
    assertThat(messages.summary(i, null, "k").buttons()).isEmpty();
  }

  @Test
  void htmlIsEscaped() {
    assertThat(IncidentMessages.html("<b onload=\"x\">&'"))
        .isEqualTo("&lt;b onload=&quot;x&quot;&gt;&amp;&#39;");
  }
}
