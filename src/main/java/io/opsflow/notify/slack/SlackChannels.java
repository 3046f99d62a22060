package io.opsflow.notify.slack;

import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.Notifier.ChatChannel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an incident's channel so that a crash between {@code conversations.create} and recording
 * its id does no harm: when the name is taken, the channel is looked up, and one our bot created
 * for this incident (its purpose names the incident, or it has none yet) is the one we want. A name
 * taken by anyone else moves on to {@code name-2} ... {@code name-9}.
 */
final class SlackChannels {
  private static final Logger log = LoggerFactory.getLogger(SlackChannels.class);
  private static final int PAGE_LIMIT = 1000;
  private static final int MAX_PAGES = 100;

  private final SlackApi api;

  SlackChannels(SlackApi api) {
    this.api = api;
  }

  ChatChannel open(String name, String incidentId, String botUserId) throws EffectFailure {
    String base = ChannelNames.clean(name);
    for (int n = 1; n <= ChannelNames.MAX_VARIANT; n++) {
      String candidate = ChannelNames.variant(base, n);
      ConversationsCreateResponse created =
          api.call(
              "conversations.create",
              Set.of("name_taken")::contains,
              m -> m.conversationsCreate(r -> r.name(candidate).isPrivate(false)));
      if (created.isOk()) {
        setPurpose(created.getChannel().getId(), incidentId);
        return new ChatChannel(created.getChannel().getId(), created.getChannel().getName());
      }
      Optional<Conversation> existing = find(candidate);
      if (existing.isPresent() && ours(existing.get(), incidentId, botUserId)) {
        Conversation c = existing.get();
        if (purpose(c).isEmpty()) {
          setPurpose(c.getId(), incidentId);
        }
        return new ChatChannel(c.getId(), c.getName());
      }
    }
    throw EffectFailure.permanent(
        "name_taken",
        "Slack refused conversations.create: name_taken (the channel names "
            + base
            + " to "
            + ChannelNames.variant(base, ChannelNames.MAX_VARIANT)
            + " are all taken by other channels)");
  }

  static String purposeFor(String incidentId) {
    return "opsflow incident " + incidentId;
  }

  private static boolean ours(Conversation c, String incidentId, String botUserId) {
    String purpose = purpose(c);
    return botUserId.equals(c.getCreator())
        && !c.isArchived()
        && (purpose.isEmpty() || purpose.equals(purposeFor(incidentId)));
  }

  private static String purpose(Conversation c) {
    return c.getPurpose() == null || c.getPurpose().getValue() == null
        ? ""
        : c.getPurpose().getValue().trim();
  }

  /** Pages through public and private channels, archived ones included. */
  private Optional<Conversation> find(String name) throws EffectFailure {
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String at = cursor;
      ConversationsListResponse r =
          api.call(
              "conversations.list",
              m ->
                  m.conversationsList(
                      req ->
                          req.types(
                                  List.of(
                                      ConversationType.PUBLIC_CHANNEL,
                                      ConversationType.PRIVATE_CHANNEL))
                              .excludeArchived(false)
                              .limit(PAGE_LIMIT)
                              .cursor(at)));
      if (r.getChannels() != null) {
        for (Conversation c : r.getChannels()) {
          if (name.equals(c.getName())) {
            return Optional.of(c);
          }
        }
      }
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      if (cursor == null || cursor.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private void setPurpose(String channelId, String incidentId) {
    try {
      api.call(
          "conversations.setPurpose",
          m ->
              m.conversationsSetPurpose(r -> r.channel(channelId).purpose(purposeFor(incidentId))));
    } catch (EffectFailure e) {
      log.warn("Could not set the purpose of Slack channel {}: {}", channelId, e.reason());
    }
  }
}
