package io.opsflow.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.fakes.FakeSlackServer.Call;
import io.opsflow.fakes.FakeSlackServer.Fault;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's wire behaviour, seen with a plain HTTP client rather than the SDK. */
class FakeSlackServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private FakeSlackServer slack;

  @BeforeEach
  void start() {
    slack = new FakeSlackServer();
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private HttpResponse<String> form(String method, String token, Map<String, String> params)
      throws Exception {
    String body =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(slack.url() + method))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode ok(String method, Map<String, String> params) throws Exception {
    HttpResponse<String> r = form(method, slack.token(), params);
    assertThat(r.statusCode()).isEqualTo(200);
    return json.readTree(r.body());
  }

  @Test
  void answersAuthTestWithTheBotUserAndRefusesOtherTokens() throws Exception {
    assertThat(ok("auth.test", Map.of()).get("user_id").asText()).isEqualTo(slack.botUserId());

    JsonNode wrong = json.readTree(form("auth.test", "xoxb-nope", Map.of()).body());
    JsonNode none = json.readTree(form("auth.test", null, Map.of()).body());

    assertThat(wrong.get("ok").asBoolean()).isFalse();
    assertThat(wrong.get("error").asText()).isEqualTo("invalid_auth");
    assertThat(none.get("error").asText()).isEqualTo("not_authed");
  }

  @Test
  void acceptsJsonBodiesAndIssuesIncreasingTimestamps() throws Exception {
    String channel = ok("conversations.create", Map.of("name", "inc-1")).at("/channel/id").asText();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(slack.url() + "chat.postMessage"))
            .header("Authorization", "Bearer " + slack.token())
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"channel\":\""
                        + channel
                        + "\",\"text\":\"hi\",\"blocks\":[{\"type\":\"divider\"}]}"))
            .build();

    JsonNode first = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    JsonNode second = ok("chat.postMessage", Map.of("channel", channel, "text", "again"));

    assertThat(channel).matches("C\\d{7}");
    assertThat(first.get("ts").asText()).isEqualTo("1700000000.000100");
    assertThat(second.get("ts").asText()).isEqualTo("1700000000.000200");
    assertThat(slack.messages(channel).get(0).blocks().get(0).get("type").asText())
        .isEqualTo("divider");
  }

  @Test
  void faultsHitOnlyTheNextCallsOfTheirMethod() throws Exception {
    slack.failNext("auth.test", 2, Fault.ratelimited(7));
    slack.failNext("users.lookupByEmail", 1, Fault.http(502));

    HttpResponse<String> limited = form("auth.test", slack.token(), Map.of());
    HttpResponse<String> limitedAgain = form("auth.test", slack.token(), Map.of());
    HttpResponse<String> passes = form("auth.test", slack.token(), Map.of());
    HttpResponse<String> badGateway = form("users.lookupByEmail", slack.token(), Map.of());

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("7");
    assertThat(json.readTree(limited.body()).get("error").asText()).isEqualTo("ratelimited");
    assertThat(limitedAgain.statusCode()).isEqualTo(429);
    assertThat(passes.statusCode()).isEqualTo(200);
    assertThat(badGateway.statusCode()).isEqualTo(502);
    assertThat(badGateway.body()).startsWith("<html>");
  }

  @Test
  void recordsEveryCallWithoutTheTokenAndTellsThePostListener() throws Exception {
    List<Call> posted = new CopyOnWriteArrayList<>();
    slack.onPost(posted::add);
    String channel = ok("conversations.create", Map.of("name", "inc-2")).at("/channel/id").asText();

    ok("chat.postMessage", Map.of("channel", channel, "text", "hello", "token", "x"));

    List<Call> calls = slack.calls();
    assertThat(calls)
        .extracting(Call::method)
        .containsExactly("conversations.create", "chat.postMessage");
    assertThat(calls.get(1).params()).containsEntry("text", "hello").doesNotContainKey("token");
    assertThat(calls.get(1).nanoTime()).isGreaterThan(calls.get(0).nanoTime());
    assertThat(posted).containsExactly(calls.get(1));
  }

  @Test
  void pagesConversationsListWithACursor() throws Exception {
    slack.addChannel("a", "UX");
    slack.addChannel("b", "UX");
    slack.addChannel("c", "UX");
    slack.archive(slack.channelByName("b").orElseThrow().id());

    JsonNode page1 = ok("conversations.list", Map.of("limit", "2", "exclude_archived", "0"));
    String cursor = page1.at("/response_metadata/next_cursor").asText();
    JsonNode page2 = ok("conversations.list", Map.of("limit", "2", "cursor", cursor));
    JsonNode active = ok("conversations.list", Map.of("exclude_archived", "1"));

    assertThat(page1.get("channels")).hasSize(2);
    assertThat(page1.at("/channels/1/is_archived").asBoolean()).isTrue();
    assertThat(cursor).isNotEmpty();
    assertThat(page2.get("channels")).hasSize(1);
    assertThat(page2.at("/channels/0/name").asText()).isEqualTo("c");
    assertThat(page2.at("/response_metadata/next_cursor").asText()).isEmpty();
    assertThat(active.get("channels"))
        .extracting(c -> c.get("name").asText())
        .containsExactly("a", "c");
  }

  @Test
  void historyShowsMetadataOnlyWhenAskedFor() throws Exception {
    String channel = ok("conversations.create", Map.of("name", "inc-3")).at("/channel/id").asText();
    ok(
        "chat.postMessage",
        Map.of(
            "channel",
            channel,
            "text",
            "x",
            "metadata",
            "{\"event_type\":\"opsflow_effect\",\"event_payload\":{\"key\":\"k\"}}"));

    JsonNode plain = ok("conversations.history", Map.of("channel", channel));
    JsonNode full =
        ok("conversations.history", Map.of("channel", channel, "include_all_metadata", "1"));

    assertThat(plain.at("/messages/0").has("metadata")).isFalse();
    assertThat(full.at("/messages/0/metadata/event_payload/key").asText()).isEqualTo("k");
  }
}
