package io.opsflow.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.kafka.Topics;
import io.opsflow.testing.SlackResponseServer;
import io.opsflow.testing.TestApp;
import io.opsflow.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Only requests Slack signed, within 5 minutes either way, do anything: forged, stale, future and
 * unsigned commands get 401, publish nothing on any topic and post nothing; the same command signed
 * properly works.
 */
class SlackVerificationTest {
  private final TestApp app = TestApp.shared();
  private final SlackCalls slack = new SlackCalls(app);
  private final SlackResponseServer responses = app.slackResponses();

  @Test
  void forgedStaleFutureAndUnsignedCommandsAreRefusedAndPublishNothing() {
    TestApp.Tenant t = app.aCustomerOrg();
    SlackCalls.Person sam = SlackCalls.aSlackUser(app, t.organization(), "sre");
    String url = responses.newResponseUrl();
    String ticket = SlackCalls.command(sam.slackId(), "sam", "ticket Forged ticket", url);
    String incident = SlackCalls.command(sam.slackId(), "sam", "incident Forged incident", url);
    Map<String, Long> before = sizes();

    for (String body : List.of(ticket, incident)) {
      assertThat(
              slack.forged("/slack/commands", body, body.replace("Forged", "Other")).statusCode())
          .isEqualTo(401);
      assertThat(slack.signed("/slack/commands", body, -301).statusCode()).isEqualTo(401);
      assertThat(slack.signed("/slack/commands", body, 301).statusCode()).isEqualTo(401);
      assertThat(slack.unsigned("/slack/commands", body).statusCode()).isEqualTo(401);
    }
    assertThat(slack.forged("/slack/commands", ticket, ticket.replace("sam", "eve")).body())
        .contains("\"error\":\"unauthorized\"")
        .doesNotContain("Opening");

    assertThat(sizes()).isEqualTo(before);
    assertThat(app.api().get("/api/v1/tickets", t.sre()).body().path("items")).isEmpty();
    assertThat(app.api().get("/api/v1/incidents", t.sre()).body().path("items")).isEmpty();
    assertThat(responses.posts(url)).isEmpty();

    // the same command within the window, signed over what is sent, goes through
    assertThat(SlackCalls.text(slack.signed("/slack/commands", ticket, -290).body()))
        .startsWith("Opening ticket T-");
    assertThat(SlackCalls.text(responses.await(url, 1, Duration.ofSeconds(20)).get(0)))
        .contains(" opened (P-2): Forged ticket");
  }

  private static Map<String, Long> sizes() {
    return Map.of(
        Topics.TICKETS, TopicProbe.size(Topics.TICKETS),
        Topics.COMMANDS, TopicProbe.size(Topics.COMMANDS),
        Topics.ALERTS, TopicProbe.size(Topics.ALERTS));
  }
}
