package io.opsflow.notify.slack;

import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import io.opsflow.notify.model.EffectFailure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code conversations.invite} with {@code force=true}, so that one bad member does not keep the
 * others out. Members already in the channel and the bot itself are not errors, neither as the
 * call's error nor in the per-member {@code errors} list; any other per-member error fails the
 * invitation (the valid members are in by then) and names the members concerned.
 */
final class SlackInvites {
  private static final String METHOD = "conversations.invite";
  private static final Set<String> HARMLESS = Set.of("already_in_channel", "cant_invite_self");

  private final SlackApi api;

  SlackInvites(SlackApi api) {
    this.api = api;
  }

  void invite(String channelId, List<String> memberIds) throws EffectFailure {
    List<String> users = new ArrayList<>(new LinkedHashSet<>(memberIds));
    if (users.isEmpty()) {
      return;
    }
    ConversationsInviteResponse r =
        api.call(
            METHOD,
            code -> true,
            m -> m.conversationsInvite(req -> req.channel(channelId).users(users).force(true)));
    if (r.isOk()) {
      return;
    }
    if (r.getErrors() != null && !r.getErrors().isEmpty()) {
      List<ConversationsInviteResponse.Error> bad =
          r.getErrors().stream()
              .filter(e -> !e.isOk() && !HARMLESS.contains(e.getError()))
              .toList();
      if (bad.isEmpty()) {
        return;
      }
      EffectFailure f =
          SlackErrors.fromError(
              METHOD, bad.get(0).getError(), r.getNeeded(), r.getHttpResponseHeaders());
      List<String> who = bad.stream().map(ConversationsInviteResponse.Error::getUser).toList();
      throw f.retryable() ? f : EffectFailure.permanent(f.code(), f.reason() + " for " + who);
    }
    if (!HARMLESS.contains(r.getError())) {
      throw SlackErrors.fromError(METHOD, r.getError(), r.getNeeded(), r.getHttpResponseHeaders());
    }
    if (users.size() > 1) {
      // Slack named one harmless error without saying who; the others may not be in yet.
      for (String user : users) {
        invite(channelId, List.of(user));
      }
    }
  }
}
