package io.opsflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.opsflow.App;
import io.opsflow.fakes.FakeSlackServer;
import io.opsflow.fakes.FakeZoomMeeting;
import io.opsflow.fakes.FakeZoomServer;
import io.opsflow.slack.SlackSignature;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.Await;
import io.opsflow.testing.Samples;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole war-room story on a started opsflow, against a local Slack Web API server, a local Zoom
 * API server and GreenMail: a P-0 alert opens a channel with a summary and buttons, a Zoom bridge
 * posted in it, the on-call engineer paged in Slack, invited and mailed; acknowledging and
 * resolving keep the summary up to date and close with a summary; a crash between "sent" and
 * "recorded" posts nothing twice. The instance has its own broker, so its consumers see only its
 * own alerts.
 */
class WarRoomEndToEndTest {
  private static GreenMail mail;

  private static final Map<String, String> MEMBERS =
      Map.of(
          "alice@example.com", "U0ALICE",
          "bob@example.com", "U0BOB",
          "carol@example.com", "U0CAROL",
          "dave@example.com", "U0DAVE",
          "erin@example.com", "U0ERIN");

  private static final String SIGNING_SECRET = "war-room-" + UUID.randomUUID();
  private static VendorsApp vendors;
  private static FakeSlackServer slack;
  private static FakeZoomServer zoom;
  private static App app;
  private static ApiCalls api;
  private static String admin;

  @BeforeAll
  static void start() throws IOException {
    vendors = VendorsApp.start("opsflow-war-room-", MEMBERS, SIGNING_SECRET, true);
    mail = vendors.mail();
    slack = vendors.slack();
    zoom = vendors.zoom();
    admin = vendors.admin();
    app = vendors.app();
    api = vendors.api();
  }

  @AfterAll
  static void stop() {
    if (vendors != null) {
      vendors.close();
    }
  }

  @Test
  void aP0AlertOpensAWarRoomWithBridgePagesAndMailThenClosesIt() throws Exception {
    Tenant t = aTenant();
    String id = trigger(t, "checkout");
    JsonNode incident =
        api.await("/api/v1/incidents/" + id, t.sre, d -> "P-0".equals(d.path("priority").asText()));
    assertThat(incident.path("priority").asText()).isEqualTo("P-0");

    FakeSlackServer.Channel room = awaitRoom(id);
    assertThat(room.name()).startsWith("inc-" + id.replace("-", "").substring(0, 12));
    Await.until(
        "summary, bridge link and page in the room",
        () ->
            slack.messages(room.id()).size() >= 3
                && texts(room.id()).stream().anyMatch(m -> m.startsWith("Conference bridge: ")));
    FakeSlackServer.Message summary = slack.messages(room.id()).get(0);
    assertThat(summary.text()).contains("P-0").contains("incident " + id.substring(0, 8));
    assertThat(actionIds(summary)).containsExactly("acknowledge", "resolve");
    List<String> bridges =
        zoom.meetings().stream()
            .filter(m -> m.topic().contains(id))
            .map(FakeZoomMeeting::joinUrl)
            .toList();
    assertThat(bridges).hasSize(1);
    String joinUrl = bridges.get(0);
    assertThat(texts(room.id())).contains("Conference bridge: " + joinUrl);
    Await.until(
        "the summary shows the bridge",
        () -> slack.messages(room.id()).get(0).blocks().toString().contains(joinUrl));

    Await.until("the on-call engineer invited", () -> !invites(room.id()).isEmpty());
    String invited = invites(room.id()).get(0).params().get("users");
    assertThat(slack.channel(room.id()).orElseThrow().members()).contains(invited);
    String email =
        MEMBERS.entrySet().stream()
            .filter(e -> e.getValue().equals(invited))
            .findFirst()
            .orElseThrow()
            .getKey();
    assertThat(slack.messages("D" + invited)).isNotEmpty();
    assertThat(actionIds(slack.messages("D" + invited).get(0)))
        .containsExactly("acknowledge", "resolve");
    String shortId = id.substring(0, 8);
    Await.until("the page mailed", () -> mailTo(email, shortId).isPresent());
    MimeMessage page = mailTo(email, shortId).orElseThrow();
    assertThat(page.getSubject()).contains("[opsflow] P-0 incident " + id.substring(0, 8));
    assertThat(page.getHeader("Message-ID")[0]).endsWith("@ops.example>");

    // "/opsflow ack" typed in the war room: the channel says which incident
    assertThat(
            slackRequest(
                "/slack/commands",
                "team_id=T1&channel_id="
                    + room.id()
                    + "&user_id=U0ALICE&user_name=alice&command=%2Fopsflow&text=ack"))
        .contains("Acknowledging incident " + id);
    Await.until(
        "acknowledged in the room, summary without the Acknowledge button",
        () ->
            texts(room.id()).stream().anyMatch(m -> m.startsWith("Acknowledged by "))
                && actionIds(slack.messages(room.id()).get(0)).equals(List.of("resolve")));

    // the Resolve button of the page in the direct message, clicked by the opsflow user linked
    // to the invited Slack user
    ApiCalls.Resp linked =
        api.post(
            "/api/v1/users",
            admin,
            "{\"email\":\"oncall-"
                + invited.toLowerCase(java.util.Locale.ROOT)
                + "@example.com\",\"role\":\"sre\",\"organization\":\""
                + t.organization()
                + "\",\"slackUserId\":\""
                + invited
                + "\"}");
    assertThat(linked.status()).isEqualTo(201);
    String click =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\""
            + invited
            + "\",\"username\":\"oncall\"},\"actions\":[{\"action_id\":\"resolve\",\"value\":\""
            + id
            + "\"}]}";
    slackRequest(
        "/slack/interactions",
        "payload=" + java.net.URLEncoder.encode(click, java.nio.charset.StandardCharsets.UTF_8));
    Await.until(
        "closing summary posted, summary without buttons",
        () ->
            texts(room.id()).stream().anyMatch(m -> m.startsWith("Resolved by "))
                && actionIds(slack.messages(room.id()).get(0)).isEmpty());
    String closing =
        texts(room.id()).stream().filter(m -> m.startsWith("Resolved by ")).findFirst().get();
    assertThat(closing)
        .startsWith("Resolved by slack:oncall-" + invited.toLowerCase(java.util.Locale.ROOT) + "@")
        .contains("Acknowledged by slack:alice")
        .contains("Priority P-0");

    JsonNode detail = api.get("/api/v1/incidents/" + id, t.sre).body();
    assertThat(detail.path("timeline").findValuesAsText("message"))
        .anyMatch(m -> m.startsWith("War room #" + room.name() + " opened in Slack"))
        .anyMatch(m -> m.equals("Zoom bridge opened: " + joinUrl))
        .anyMatch(m -> m.startsWith("Paged ") && m.endsWith(" in Slack"))
        .anyMatch(m -> m.equals("Mail sent to " + email))
        .anyMatch(m -> m.startsWith("Invited "))
        .anyMatch(m -> m.startsWith("Escalation policy 'default' frozen"))
        .anyMatch(m -> m.startsWith("Escalated to level 1 (round 1): "));
    assertThat(detail.path("warRoom").path("slackChannel").asText()).isEqualTo(room.name());
    assertThat(detail.path("warRoom").path("slackChannelId").asText()).isEqualTo(room.id());
    assertThat(detail.path("warRoom").path("bridgeUrl").asText()).isEqualTo(joinUrl);
    assertThat(detail.path("effects").path("pending").asLong(0)).isZero();
    assertThat(detail.path("effects").path("done").asLong()).isGreaterThan(5);
    assertThat(
            slack.calls("conversations.create").stream()
                .filter(c -> c.params().get("name").equals(room.name())))
        .hasSize(1);
    assertThat(slack.calls("chat.update").stream().map(c -> c.params().get("channel")))
        .contains(room.id());
  }

  @Test
  void aCrashBetweenSentAndRecordedPostsNothingTwice() throws Exception {
    Tenant t = aTenant();
    String id = trigger(t, "checkout");
    FakeSlackServer.Channel room = awaitRoom(id);
    Await.until(
        "bridge link posted",
        () -> texts(room.id()).stream().anyMatch(m -> m.startsWith("Conference bridge: ")));
    Await.until("nothing pending", () -> pending(id) == 0);
    int messages = slack.messages(room.id()).size();
    int meetings = zoom.meetings().size();
    int creates = slack.calls("conversations.create").size();

    // as if the process died after each vendor call and before recording it: the rows are
    // pending again with one attempt started, and the room has forgotten what the vendors said
    sql(
        "update effect set status = 'pending', attempts = 1, next_attempt_ms = 0 where"
            + " incident_id = '"
            + id
            + "' and kind in ('OpenRoom', 'OpenBridge', 'PostToRoom')",
        "update incident_room set channel_id = null, bridge_id = null, bridge_url = null where"
            + " incident_id = '"
            + id
            + "'");
    Await.until("the effects ran again", () -> pending(id) == 0);

    assertThat(slack.messages(room.id())).hasSize(messages);
    assertThat(zoom.meetings()).hasSize(meetings);
    assertThat(slack.calls("conversations.create")).hasSize(creates + 1);
    assertThat(slack.channelByName(room.name() + "-2")).isEmpty();
    assertThat(slack.calls("conversations.history")).isNotEmpty();
  }

  @Test
  void aSlackOutageDelaysEffectsAndLosesNone() {
    Tenant t = aTenant();
    slack.failNext("conversations.create", 1, FakeSlackServer.Fault.ratelimited(1));
    slack.failNext("chat.postMessage", 2, FakeSlackServer.Fault.http(503));
    String id = trigger(t, "checkout");

    FakeSlackServer.Channel room = awaitRoom(id);
    Await.until(
        "summary and bridge link posted after the outage",
        () ->
            !slack.messages(room.id()).isEmpty()
                && texts(room.id()).stream().anyMatch(m -> m.startsWith("Conference bridge: ")));
    JsonNode detail = api.get("/api/v1/incidents/" + id, t.sre).body();
    assertThat(detail.path("timeline").findValuesAsText("message"))
        .noneMatch(m -> m.contains("not opened") || m.contains("not updated"));
  }

  @Test
  void aP2AlertGetsNoWarRoomNorBridge() {
    Tenant t = aTenant();
    String id = triggerWithSeverity(t, "db-other", "info");
    api.await("/api/v1/incidents/" + id, t.sre, d -> "P-2".equals(d.path("priority").asText()));
    Await.until("triage done", () -> pending(id) == 0);

    assertThat(slack.channels().stream().filter(c -> c.purpose().contains(id))).isEmpty();
    assertThat(zoom.meetings().stream().filter(m -> m.topic().contains(id))).isEmpty();
  }

  @Test
  void byDefaultAWebhookToAnInternalAddressIsRefused() {
    ApiCalls.Resp r =
        api.post(
            "/api/v1/webhooks",
            admin,
            "{\"url\":\"http://169.254.169.254/latest/meta-data\",\"events\":[\"incident.triggered\"]}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("detail").asText())
        .contains("169.254.169.254")
        .contains("OPSFLOW_WEBHOOK_ALLOW_PRIVATE");
  }

  private record Tenant(String organization, String integration, String sre) {}

  private Tenant aTenant() {
    String org = "org-" + UUID.randomUUID();
    String integration =
        api.token(admin, "integration", "prometheus", org, null).path("token").asText();
    String sre = api.token(admin, "user", "alice", org, "sre").path("token").asText();
    return new Tenant(org, integration, sre);
  }

  private String trigger(Tenant t, String service) {
    return triggerWithSeverity(t, service, "critical");
  }

  private String triggerWithSeverity(Tenant t, String service, String severity) {
    String body =
        Samples.read("alertmanager-firing.json")
            .replace("svc-000", service)
            .replace("\"warning\"", "\"" + severity + "\"")
            .replace("\"critical\"", "\"" + severity + "\"");
    assertThat(api.post("/api/v1/integrations/alertmanager", t.integration, body).status())
        .isEqualTo(202);
    return api.await("/api/v1/incidents", t.sre, p -> p.path("items").size() == 1)
        .path("items")
        .get(0)
        .path("id")
        .asText();
  }

  private static FakeSlackServer.Channel awaitRoom(String incidentId) {
    Await.until(
        "war room for " + incidentId,
        () -> slack.channels().stream().anyMatch(c -> c.purpose().contains(incidentId)));
    return slack.channels().stream()
        .filter(c -> c.purpose().contains(incidentId))
        .findFirst()
        .orElseThrow();
  }

  /** A request to opsflow signed as Slack signs it, with the instance's signing secret. */
  private static String slackRequest(String path, String body) throws Exception {
    String ts = Long.toString(java.time.Instant.now().getEpochSecond());
    byte[] raw = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + app.httpPort() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", new SlackSignature(SIGNING_SECRET).sign(ts, raw))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(raw))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static List<String> texts(String channelId) {
    return slack.messages(channelId).stream().map(FakeSlackServer.Message::text).toList();
  }

  private static List<String> actionIds(FakeSlackServer.Message m) {
    return m.blocks() == null ? List.of() : m.blocks().findValuesAsText("action_id");
  }

  private static java.util.Optional<MimeMessage> mailTo(String email, String about) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.toString(m.getAllRecipients()).contains(email)
                    && m.getSubject().contains(about);
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .findFirst();
  }

  private static List<FakeSlackServer.Call> invites(String channelId) {
    return slack.calls("conversations.invite").stream()
        .filter(c -> channelId.equals(c.params().get("channel")))
        .toList();
  }

  private static long pending(String incidentId) {
    return new EffectStore(app.database())
        .countsByStatus(incidentId)
        .getOrDefault(EffectStore.PENDING, 0L);
  }

  private static void sql(String... statements) {
    app.database()
        .inTransaction(
            s -> {
              for (String statement : statements) {
                s.createNativeMutationQuery(statement).executeUpdate();
              }
              return null;
            });
    app.effects().wake();
  }
}
