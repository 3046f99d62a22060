package io.opsflow.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed Slack bodies that are not what Slack sends: bad percent escapes, bytes that are not UTF-8,
 * payloads that are not a button click. Each gets a 400 with a plain reason (or an ephemeral
 * refusal), never a 500 and never an exception's text.
 */
class SlackBadBodiesTest {
  private final SlackCalls slack = new SlackCalls(TestApp.shared());

  @Test
  void badPercentEscapesAreA400WithAPlainReasonOnBothRoutes() throws Exception {
    List<String> bodies =
        List.of(
            "user_id=U0ALICE&text=status&a=%",
            "user_id=U0ALICE&text=status%2",
            "user_id=U0ALICE&text=%zz",
            "user_id=U0ALICE&text=caf%e9",
            "payload=%e9%80");
    for (String path : List.of("/slack/commands", "/slack/interactions")) {
      for (String body : bodies) {
        HttpResponse<String> r = slack.signed(path, body, 0);
        assertThat(r.statusCode()).as(path + " " + body).isEqualTo(400);
        String detail = ApiCalls.JSON.readTree(r.body()).path("detail").asText();
        assertThat(detail)
            .as(path + " " + body)
            .startsWith("the body is not valid form encoding: ")
            .doesNotContain("Exception")
            .doesNotContain("java.");
      }
    }
  }

  @Test
  void payloadsThatAreNotAButtonClickAreA400() throws Exception {
    List<String> payloads =
        List.of(
            "",
            "not json",
            "null",
            "[1,2]",
            "\"text\"",
            "{}",
            "{\"actions\":\"resolve\"}",
            "{\"actions\":[]}",
            "{\"actions\":[\"resolve\"]}",
            "{\"user\":{\"id\":\"U0ALICE\"},\"actions\":[{\"action_id\":\"dance\",\"value\":\"x\"}]}",
            "{\"user\":{\"id\":\"U0ALICE\"},\"actions\":[{\"action_id\":\"resolve\",\"value\":{}}]}",
            "{\"user\":{\"id\":\"U0ALICE\"},\"actions\":[{\"action_id\":\"resolve\"}]}");
    for (String payload : payloads) {
      HttpResponse<String> r =
          slack.signed(
              "/slack/interactions",
              "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8),
              0);
      assertThat(r.statusCode()).as(payload).isEqualTo(400);
      assertThat(ApiCalls.JSON.readTree(r.body()).path("detail").asText())
          .as(payload)
          .doesNotContain("Exception")
          .doesNotContain("java.");
    }
    HttpResponse<String> noPayload = slack.signed("/slack/interactions", "type=block_actions", 0);
    assertThat(noPayload.statusCode()).isEqualTo(400);
  }

  @Test
  void aClickWithoutAUserIsRefusedInSlack() {
    HttpResponse<String> r =
        slack.signed(
            "/slack/interactions",
            "payload="
                + URLEncoder.encode(
                    "{\"user\":\"bob\",\"actions\":[{\"action_id\":\"resolve\",\"value\":\"x\"}]}",
                    StandardCharsets.UTF_8),
            0);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(SlackCalls.text(r.body())).contains("is not linked to an opsflow user");
  }
}
