package io.opsflow.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.fakes.FakeSlackServer;
import io.opsflow.fakes.FakeSlackServer.Fault;
import io.opsflow.fakes.FakeSlackServer.Message;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.Notifier.Button;
import io.opsflow.notify.model.Notifier.ChatChannel;
import io.opsflow.notify.model.Notifier.ChatMessage;
import io.opsflow.notify.model.Notifier.ChatMessageRef;
import io.opsflow.notify.model.Notifier.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack adapter through the real SDK against {@link FakeSlackServer}. */
class SlackNotifierTest {
  private FakeSlackServer slack;
  private MutableClock clock;
  private SlackNotifier notifier;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlackServer();
    clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    notifier = connected(slack.token());
  }

  @AfterEach
  void stop() throws Exception {
    notifier.close();
    slack.close();
  }

  private SlackNotifier connected(String token) throws EffectFailure {
    SlackNotifier n = new SlackNotifier(token, Optional.of(slack.url()), clock);
    n.connect();
    return n;
  }

  private static ChatMessage aPage(String key) {
    return new ChatMessage(
        key,
        "*P1* checkout is down",
        List.of(new Field("Service", "checkout <prod>"), new Field("Priority", "P1")),
        List.of(
            new Button("incident_ack", "Acknowledge", "inc-42", "primary"),
            new Button("incident_resolve", "Resolve", "inc-42", "danger"),
            new Button("incident_open", "Open", "inc-42", "")));
  }

  @Test
  void opensAChannelWithACleanedNameAndTheIncidentAsPurpose() throws Exception {
    ChatChannel channel = notifier.openChannel("INC-42: Checkout DOWN!", "inc-42");

    assertThat(channel.name()).isEqualTo("inc-42-checkout-down");
    FakeSlackServer.Channel created = slack.channelByName("inc-42-checkout-down").orElseThrow();
    assertThat(created.id()).isEqualTo(channel.id()).startsWith("C");
    assertThat(created.creator()).isEqualTo(slack.botUserId());
    assertThat(created.isPrivate()).isFalse();
    assertThat(created.purpose()).isEqualTo("opsflow incident inc-42");
  }

  @Test
  void cutsLongNamesTo80CharactersAlsoForNumberedVariants() throws Exception {
    String long100 = "inc-" + "x".repeat(96);
    slack.addChannel(long100.substring(0, 80), "UHUMAN");

    ChatChannel channel = notifier.openChannel(long100, "inc-1");

    assertThat(channel.name()).hasSize(80).endsWith("x-2");
  }

  @Test
  void aNameTakenBySomeoneElseGetsTheNextNumber() throws Exception {
    slack.addChannel("inc-42-db", "UHUMAN");

    ChatChannel channel = notifier.openChannel("inc-42-db", "inc-42");

    assertThat(channel.name()).isEqualTo("inc-42-db-2");
    assertThat(slack.channelByName("inc-42-db-2").orElseThrow().creator())
        .isEqualTo(slack.botUserId());
    assertThat(slack.calls("conversations.list").get(0).params())
        .containsEntry("types", "public_channel,private_channel")
        .containsEntry("exclude_archived", "0"); // the SDK sends booleans as 1/0
  }

  @Test
  void theChannelOurBotCreatedBeforeACrashIsReused() throws Exception {
    ChatChannel first = notifier.openChannel("inc-7-api", "inc-7");
    SlackNotifier restarted = connected(slack.token());

    ChatChannel again = restarted.openChannel("inc-7-api", "inc-7");

    assertThat(again).isEqualTo(first);
    assertThat(slack.channelByName("inc-7-api-2")).isEmpty();
    assertThat(slack.calls("conversations.create")).hasSize(2);
    restarted.close();
  }

  @Test
  void aCrashBeforeThePurposeWasSetStillFindsTheChannelAndSetsIt() throws Exception {
    String id = slack.addChannel("inc-8-api", slack.botUserId());

    ChatChannel channel = notifier.openChannel("inc-8-api", "inc-8");

    assertThat(channel.id()).isEqualTo(id);
    assertThat(slack.channel(id).orElseThrow().purpose()).isEqualTo("opsflow incident inc-8");
  }

  @Test
  void aChannelOurBotCreatedForAnotherIncidentIsNotReused() throws Exception {
    notifier.openChannel("db-down", "inc-1");

    ChatChannel second = notifier.openChannel("db-down", "inc-2");

    assertThat(second.name()).isEqualTo("db-down-2");
  }

  @Test
  void findsTheTakenNameOnALaterPageOfConversationsList() throws Exception {
    for (int i = 0; i < 1005; i++) {
      slack.addChannel("other-" + i, "UHUMAN");
    }
    slack.addChannel("inc-9", slack.botUserId());

    ChatChannel channel = notifier.openChannel("inc-9", "inc-9");

    assertThat(channel.name()).isEqualTo("inc-9");
    assertThat(slack.calls("conversations.list")).hasSize(2);
    assertThat(slack.calls("conversations.list").get(1).params().get("cursor")).isNotBlank();
  }

  @Test
  void postRendersTextFieldsButtonsAndTheIdempotencyKey() throws Exception {
    ChatChannel channel = notifier.openChannel("inc-42", "inc-42");

    ChatMessageRef ref = notifier.post(channel.id(), aPage("inc-42/page/1"), false);

    List<Message> messages = slack.messages(channel.id());
    assertThat(messages).hasSize(1);
    Message m = messages.get(0);
    assertThat(ref).isEqualTo(new ChatMessageRef(channel.id(), m.ts()));
    assertThat(m.text()).isEqualTo("*P1* checkout is down");
    JsonNode blocks = m.blocks();
    assertThat(blocks).hasSize(3);
    assertThat(blocks.get(0).get("type").asText()).isEqualTo("section");
    assertThat(blocks.get(0).at("/text/type").asText()).isEqualTo("mrkdwn");
    assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("*P1* checkout is down");
    assertThat(blocks.get(1).at("/fields/0/text").asText())
        .isEqualTo("*Service*\ncheckout &lt;prod&gt;");
    assertThat(blocks.get(1).at("/fields/1/text").asText()).isEqualTo("*Priority*\nP1");
    JsonNode buttons = blocks.get(2).get("elements");
    assertThat(blocks.get(2).get("type").asText()).isEqualTo("actions");
    assertThat(buttons).hasSize(3);
    assertThat(buttons.get(0).get("action_id").asText()).isEqualTo("incident_ack");
    assertThat(buttons.get(0).get("value").asText()).isEqualTo("inc-42");
    assertThat(buttons.get(0).get("style").asText()).isEqualTo("primary");
    assertThat(buttons.get(0).at("/text/text").asText()).isEqualTo("Acknowledge");
    assertThat(buttons.get(1).get("style").asText()).isEqualTo("danger");
    assertThat(buttons.get(2).has("style")).isFalse();
    assertThat(m.metadata().get("event_type").asText()).isEqualTo("opsflow_effect");
    assertThat(m.metadata().at("/event_payload/key").asText()).isEqualTo("inc-42/page/1");
  }

  @Test
  void aRepeatedPostThatMayHaveBeenSentReturnsTheEarlierMessage() throws Exception {
    ChatChannel channel = notifier.openChannel("inc-42", "inc-42");
    ChatMessageRef first = notifier.post(channel.id(), aPage("inc-42/page/1"), false);
    clock.advance(Duration.ofSeconds(5));
    notifier.post(channel.id(), aPage("inc-42/page/2"), false);
    clock.advance(Duration.ofSeconds(5));

    ChatMessageRef again = notifier.post(channel.id(), aPage("inc-42/page/1"), true);

    assertThat(again).isEqualTo(first);
    assertThat(slack.messages(channel.id())).hasSize(2);
    assertThat(slack.calls("chat.postMessage")).hasSize(2);
    assertThat(slack.calls("conversations.history").get(0).params())
        .containsEntry("include_all_metadata", "1")
        .containsEntry("limit", "200");
  }

  @Test
  void aPostThatMayHaveBeenSentButWasNotIsPosted() throws Exception {
    ChatChannel channel = notifier.openChannel("inc-42", "inc-42");

    ChatMessageRef ref = notifier.post(channel.id(), aPage("inc-42/page/1"), true);

    assertThat(slack.calls("conversations.history")).hasSize(1);
    assertThat(slack.messages(channel.id())).extracting(Message::ts).containsExactly(ref.ts());
  }

  @Test
  void updateReplacesTheMessage() throws Exception {
    ChatChannel channel = notifier.openChannel("inc-42", "inc-42");
    ChatMessageRef ref = notifier.post(channel.id(), aPage("inc-42/summary"), false);
    clock.advance(Duration.ofSeconds(2));

    notifier.update(ref, ChatMessage.text("inc-42/summary/2", "Resolved"));

    Message m = slack.messages(channel.id()).get(0);
    assertThat(m.text()).isEqualTo("Resolved");
    assertThat(m.blocks()).hasSize(1);
    assertThat(m.metadata().at("/event_payload/key").asText()).isEqualTo("inc-42/summary");
  }

  @Test
  void aSecondMessageWithinASecondIsPacedWithoutCallingSlack() throws Exception {
    ChatChannel channel = notifier.openChannel("inc-42", "inc-42");
    ChatMessageRef first = notifier.post(channel.id(), aPage("k1"), false);
    clock.advance(Duration.ofMillis(400));

    EffectFailure paced =
        catchThrowableOfType(
            EffectFailure.class, () -> notifier.post(channel.id(), aPage("k2"), false));
    EffectFailure pacedUpdate =
        catchThrowableOfType(EffectFailure.class, () -> notifier.update(first, aPage("k1")));

    assertThat(paced.retryable()).isTrue();
    assertThat(paced.code()).isEqualTo("paced");
    assertThat(paced.retryAfter()).contains(Duration.ofMillis(600));
    assertThat(pacedUpdate.code()).isEqualTo("paced");
    assertThat(slack.calls("chat.postMessage")).hasSize(1);
    assertThat(slack.calls("chat.update")).isEmpty();

    clock.advance(Duration.ofMillis(601));
    notifier.post(channel.id(), aPage("k2"), false);
    assertThat(slack.messages(channel.id())).hasSize(2);
  }

  @Test
  void pacingIsPerChannel() throws Exception {
    ChatChannel a = notifier.openChannel("inc-a", "inc-a");
    ChatChannel b = notifier.openChannel("inc-b", "inc-b");

    notifier.post(a.id(), aPage("a1"), false);
    notifier.post(b.id(), aPage("b1"), false);

    assertThat(slack.calls("chat.postMessage")).hasSize(2);
  }

  @Test
  void aRateLimitIsARetryAfterSlacksWishWithoutSleepingOrRetrying() throws Exception {
    ChatChannel channel = notifier.openChannel("inc-42", "inc-42");
    slack.failNext("chat.postMessage", 1, Fault.ratelimited(7));

    long start = System.nanoTime();
    EffectFailure f =
        catchThrowableOfType(
            EffectFailure.class, () -> notifier.post(channel.id(), aPage("k"), false));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(f.retryable()).isTrue();
    assertThat(f.code()).isEqualTo("ratelimited");
    assertThat(f.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(f.reason()).isEqualTo("Slack rate-limited chat.postMessage; retrying after 7 s");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(slack.calls("chat.postMessage")).hasSize(1);
    assertThat(slack.messages(channel.id())).isEmpty();
  }

  @Test
  void anUnknownChannelIsPermanentWithAReasonForTheTimeline() throws Exception {
    ChatChannel channel = notifier.openChannel("inc-42", "inc-42");
    slack.deleteChannel(channel.id());

    EffectFailure f =
        catchThrowableOfType(
            EffectFailure.class, () -> notifier.post(channel.id(), aPage("k"), false));

    assertThat(f.retryable()).isFalse();
    assertThat(f.code()).isEqualTo("channel_not_found");
    assertThat(f.reason())
        .isEqualTo(
            "Slack refused chat.postMessage: channel_not_found"
                + " (the channel was deleted or the bot cannot see it)");
  }

  @Test
  void anArchivedChannelIsPermanent() throws Exception {
    ChatChannel channel = notifier.openChannel("inc-42", "inc-42");
    slack.archive(channel.id());

    EffectFailure f =
        catchThrowableOfType(
            EffectFailure.class, () -> notifier.post(channel.id(), aPage("k"), false));

    assertThat(f.retryable()).isFalse();
    assertThat(f.code()).isEqualTo("is_archived");
  }

  @Test
  void http503AndSlackInternalErrorsAreRetries() throws Exception {
    ChatChannel channel = notifier.openChannel("inc-42", "inc-42");
    slack.failNext("chat.postMessage", 1, Fault.http(503));
    slack.failNext("chat.update", 1, Fault.error("internal_error"));

    EffectFailure http =
        catchThrowableOfType(
            EffectFailure.class, () -> notifier.post(channel.id(), aPage("k"), false));
    clock.advance(Duration.ofSeconds(2));
    EffectFailure internal =
        catchThrowableOfType(
            EffectFailure.class,
            () -> notifier.update(new ChatMessageRef(channel.id(), "1.2"), aPage("k")));

    assertThat(http.retryable()).isTrue();
    assertThat(http.code()).isEqualTo("http_503");
    assertThat(internal.retryable()).isTrue();
    assertThat(internal.code()).isEqualTo("internal_error");
  }

  @Test
  void anUnreachableSlackIsARetry() throws Exception {
    String url = slack.url();
    slack.close();
    SlackNotifier offline = new SlackNotifier(slack.token(), Optional.of(url), clock);

    EffectFailure f = catchThrowableOfType(EffectFailure.class, offline::connect);

    assertThat(f.retryable()).isTrue();
    assertThat(f.code()).isEqualTo("io");
    assertThat(f.reason()).doesNotContain(slack.token());
    offline.close();
  }

  @Test
  void aWrongTokenFailsConnectPermanentlyWithoutShowingTheToken() throws Exception {
    SlackNotifier wrong = new SlackNotifier("xoxb-wrong-secret", Optional.of(slack.url()), clock);

    EffectFailure f = catchThrowableOfType(EffectFailure.class, wrong::connect);

    assertThat(f.retryable()).isFalse();
    assertThat(f.code()).isEqualTo("invalid_auth");
    assertThat(f.reason())
        .isEqualTo("Slack refused auth.test: invalid_auth (the bot token is not valid)");
    assertThat(f.reason()).doesNotContain("xoxb-wrong-secret");
    wrong.close();
  }

  @Test
  void membersAlreadyInTheChannelAreNotAnError() throws Exception {
    slack.addUser("ana@example.com", "UANA");
    slack.addUser("bo@example.com", "UBO");
    ChatChannel channel = notifier.openChannel("inc-42", "inc-42");
    notifier.invite(channel.id(), List.of("UANA"));

    notifier.invite(channel.id(), List.of("UANA"));
    notifier.invite(channel.id(), List.of("UANA", slack.botUserId(), "UBO"));

    assertThat(slack.channel(channel.id()).orElseThrow().members())
        .containsExactlyInAnyOrder(slack.botUserId(), "UANA", "UBO");
    assertThat(slack.calls("conversations.invite").get(2).params())
        .containsEntry("users", "UANA," + slack.botUserId() + ",UBO");
  }

  @Test
  void anUnknownMemberFailsTheInvitationButNotTheOthers() throws Exception {
    slack.addUser("ana@example.com", "UANA");
    ChatChannel channel = notifier.openChannel("inc-42", "inc-42");

    EffectFailure f =
        catchThrowableOfType(
            EffectFailure.class, () -> notifier.invite(channel.id(), List.of("UANA", "UGHOST")));

    assertThat(f.retryable()).isFalse();
    assertThat(f.code()).isEqualTo("user_not_found");
    assertThat(f.reason()).contains("UGHOST").doesNotContain("UANA");
    assertThat(slack.channel(channel.id()).orElseThrow().members()).contains("UANA");
  }

  @Test
  void findsMembersByEmail() throws Exception {
    slack.addUser("ana@example.com", "UANA");

    assertThat(notifier.memberByEmail("ana@example.com")).contains("UANA");
    assertThat(notifier.memberByEmail("nobody@example.com")).isEmpty();
  }

  @Test
  void aMissingScopeNamesTheScope() {
    EffectFailure f =
        SlackErrors.fromError("conversations.list", "missing_scope", "groups:read", Map.of());

    assertThat(f.retryable()).isFalse();
    assertThat(f.reason()).contains("groups:read");
  }

  @Test
  void aRatelimitedAnswerWithoutHttp429StillHonoursRetryAfter() {
    EffectFailure f =
        SlackErrors.fromError(
            "chat.update", "ratelimited", null, Map.of("retry-after", List.of("3")));

    assertThat(f.retryable()).isTrue();
    assertThat(f.retryAfter()).contains(Duration.ofSeconds(3));
  }
}
