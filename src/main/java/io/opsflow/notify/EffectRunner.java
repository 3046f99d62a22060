package io.opsflow.notify;

import io.opsflow.incident.model.Incident;
import io.opsflow.notify.model.Effect;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.IncidentMessages;
import io.opsflow.notify.model.Notifier.ChatMessage;
import io.opsflow.notify.model.Notifier.ChatMessageRef;
import java.util.ArrayList;
import java.util.List;

/** Delivers one effect through its port, using and recording the incident's room state. */
final class EffectRunner {
  private final Delivery d;
  private final IncidentMessages messages = new IncidentMessages();
  private final RoomEffects rooms;
  private final MailEffects mail;

  EffectRunner(Delivery d) {
    this.d = d;
    this.rooms = new RoomEffects(d, messages);
    this.mail = new MailEffects(d);
  }

  /**
   * Delivers the effect. The adapters look for what an earlier attempt may have left at the vendor
   * (the message by its key, the meeting by its marker) when the row says an attempt was started,
   * and always when the database may have lost that record in a crash.
   */
  Delivered run(EffectRow row) throws EffectFailure {
    String id = row.effect().incidentId();
    boolean again = row.mayHaveBeenSent() || d.db.mayLoseRecentCommits();
    Effect e = row.effect();
    if (e instanceof Effect.OpenRoom r) {
      return rooms.openRoom(r);
    }
    if (e instanceof Effect.RefreshSummary) {
      return rooms.refreshSummary(row.seq(), id, again);
    }
    if (e instanceof Effect.PostToRoom p) {
      ChatMessageRef ref = d.chat().post(d.channel(id), ChatMessage.text(p.key(), p.text()), again);
      return Delivered.quietly(ref.ts());
    }
    if (e instanceof Effect.PostToChannel p) {
      ChatMessageRef ref = d.chat().post(p.channel(), ChatMessage.text(p.key(), p.text()), again);
      return Delivered.noted(ref.ts(), "Posted to Slack " + p.channel());
    }
    if (e instanceof Effect.Page p) {
      return page(p, again);
    }
    if (e instanceof Effect.Invite i) {
      return invite(i);
    }
    if (e instanceof Effect.OpenBridge b) {
      return rooms.openBridge(b, again);
    }
    return mail.sendMail((Effect.SendMail) e);
  }

  private Delivered page(Effect.Page p, boolean again) throws EffectFailure {
    String member = member(p.person());
    Incident incident = d.incident(p.incidentId());
    ChatMessageRef ref =
        d.chat().post(member, messages.pageMessage(incident, p.text(), p.key()), again);
    return Delivered.noted(ref.ts(), "Paged " + p.person().userId() + " in Slack");
  }

  private Delivered invite(Effect.Invite i) throws EffectFailure {
    String channel = d.channel(i.incidentId());
    List<String> members = new ArrayList<>();
    List<String> invited = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Effect.Person p : i.people()) {
      try {
        members.add(member(p));
        invited.add(p.userId());
      } catch (EffectFailure e) {
        if (e.retryable()) {
          throw e;
        }
        unknown.add(p.userId());
      }
    }
    if (!members.isEmpty()) {
      d.chat().invite(channel, members);
    }
    String line =
        (invited.isEmpty() ? "Nobody invited" : "Invited " + String.join(", ", invited))
            + " to the war room"
            + (unknown.isEmpty() ? "" : "; no Slack member for " + String.join(", ", unknown));
    return Delivered.noted(String.join(",", members), line);
  }

  private String member(Effect.Person p) throws EffectFailure {
    if (p.chatMember() != null && !p.chatMember().isBlank()) {
      return p.chatMember();
    }
    if (p.email() == null) {
      throw EffectFailure.permanent(
          "no_member", "no Slack member for " + p.userId() + ": no Slack id or mail configured");
    }
    return d.chat()
        .memberByEmail(p.email())
        .orElseThrow(
            () ->
                EffectFailure.permanent(
                    "users_not_found",
                    "no Slack member for " + p.userId() + " with the mail address configured"));
  }
}
