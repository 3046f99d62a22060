package io.opsflow.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.SlackResponseServer;
import io.opsflow.testing.TestApp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A signed slash command with a field longer than opsflow keeps is a 400, and nothing is done. */
class SlackCommandLimitsTest {
  private final TestApp app = TestApp.shared();
  private final SlackCalls slack = new SlackCalls(app);
  private final SlackResponseServer responses = app.slackResponses();

  @Test
  void anOverlongResponseUrlOrTextIsRefusedBeforeAnythingIsWritten() {
    TestApp.Tenant t = app.aCustomerOrg();
    SlackCalls.Person cara = SlackCalls.aSlackUser(app, t.organization(), "customer");
    String longUrl = responses.newResponseUrl() + "?pad=" + "p".repeat(2100);
    HttpResponse<String> r =
        slack.signed(
            "/slack/commands",
            SlackCalls.command(cara.slackId(), "cara", "ticket Checkout is slow", longUrl),
            0);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("response_url must be at most 2000 characters");

    String url = responses.newResponseUrl();
    HttpResponse<String> text =
        slack.signed(
            "/slack/commands",
            SlackCalls.command(cara.slackId(), "cara", "ticket " + "x".repeat(4000), url),
            0);
    assertThat(text.statusCode()).as(text.body()).isEqualTo(400);
    assertThat(text.body()).contains("text must be at most 4000 characters");

    ApiCalls.Resp tickets = app.api().get("/api/v1/tickets", app.adminToken());
    assertThat(tickets.raw()).doesNotContain("Checkout is slow");
    assertThat(responses.posts(url)).isEmpty();
  }
}
