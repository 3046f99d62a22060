package io.opsflow.notify.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import com.slack.api.model.Message;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.Notifier;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Notifier} port on Slack's Web API, through the official SDK. Slack's errors come out
 * as {@link EffectFailure}s; rate limits and per-channel pacing become retries with a wait, never a
 * sleep. The token is handed to the SDK and never logged.
 */
public final class SlackNotifier implements Notifier, AutoCloseable {
  private static final int HISTORY_LIMIT = 200;

  private final SlackApi api;
  private final SlackChannels channels;
  private final SlackInvites invites;
  private final Pacer pacer;
  private volatile String botUserId;

  /** {@code apiUrl} like {@code http://127.0.0.1:PORT/api/}; empty means Slack itself. */
  public SlackNotifier(String botToken, Optional<String> apiUrl, Clock clock) {
    Objects.requireNonNull(botToken, "botToken");
    this.api = new SlackApi(botToken, apiUrl);
    this.channels = new SlackChannels(api);
    this.invites = new SlackInvites(api);
    this.pacer = new Pacer(clock);
  }

  /** Checks the token ({@code auth.test}) and remembers the bot's user id. */
  public void connect() throws EffectFailure {
    botUserId = api.call("auth.test", m -> m.authTest(r -> r)).getUserId();
  }

  /** The bot's member id, after {@link #connect()}. */
  public Optional<String> botUserId() {
    return Optional.ofNullable(botUserId);
  }

  @Override
  public ChatChannel openChannel(String name, String incidentId) throws EffectFailure {
    if (botUserId == null) {
      connect();
    }
    return channels.open(name, incidentId, botUserId);
  }

  @Override
  public ChatMessageRef post(String channelId, ChatMessage message, boolean mayHaveBeenSent)
      throws EffectFailure {
    pacer.reserve(channelId, "chat.postMessage");
    if (mayHaveBeenSent) {
      Optional<String> earlier = findEarlier(channelId, message.idempotencyKey());
      if (earlier.isPresent()) {
        return new ChatMessageRef(channelId, earlier.get());
      }
    }
    ChatPostMessageResponse r =
        api.call(
            "chat.postMessage",
            m ->
                m.chatPostMessage(
                    req ->
                        req.channel(channelId)
                            .text(SlackBlocks.fallback(message))
                            .blocks(SlackBlocks.blocks(message))
                            .metadata(SlackBlocks.metadata(message))));
    return new ChatMessageRef(r.getChannel() == null ? channelId : r.getChannel(), r.getTs());
  }

  @Override
  public void update(ChatMessageRef ref, ChatMessage message) throws EffectFailure {
    pacer.reserve(ref.channelId(), "chat.update");
    api.call(
        "chat.update",
        m ->
            m.chatUpdate(
                req ->
                    req.channel(ref.channelId())
                        .ts(ref.ts())
                        .text(SlackBlocks.fallback(message))
                        .blocks(SlackBlocks.blocks(message))));
  }

  @Override
  public void invite(String channelId, List<String> memberIds) throws EffectFailure {
    invites.invite(channelId, memberIds);
  }

  @Override
  public Optional<String> memberByEmail(String email) throws EffectFailure {
    UsersLookupByEmailResponse r =
        api.call(
            "users.lookupByEmail",
            Set.of("users_not_found")::contains,
            m -> m.usersLookupByEmail(req -> req.email(email)));
    return r.isOk() && r.getUser() != null ? Optional.of(r.getUser().getId()) : Optional.empty();
  }

  /** The ts of a recent message carrying this idempotency key (the last 200 messages). */
  private Optional<String> findEarlier(String channelId, String key) throws EffectFailure {
    ConversationsHistoryResponse r =
        api.call(
            "conversations.history",
            m ->
                m.conversationsHistory(
                    req -> req.channel(channelId).limit(HISTORY_LIMIT).includeAllMetadata(true)));
    if (r.getMessages() == null) {
      return Optional.empty();
    }
    return r.getMessages().stream()
        .filter(msg -> SlackBlocks.carries(msg, key))
        .map(Message::getTs)
        .findFirst();
  }

  @Override
  public void close() throws Exception {
    api.close();
  }
}
