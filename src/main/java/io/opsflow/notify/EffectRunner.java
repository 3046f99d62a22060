package io.opsflow.notify;

import io.opsflow.db.Database;
import io.opsflow.incident.IncidentRoom;
import io.opsflow.incident.model.Incident;
import io.opsflow.notify.model.ConferenceBridge;
import io.opsflow.notify.model.ConferenceBridge.Bridge;
import io.opsflow.notify.model.Effect;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.EffectPlan;
import io.opsflow.notify.model.IncidentMessages;
import io.opsflow.notify.model.Mailer;
import io.opsflow.notify.model.Notifier;
import io.opsflow.notify.model.Notifier.ChatChannel;
import io.opsflow.notify.model.Notifier.ChatMessage;
import io.opsflow.notify.model.Notifier.ChatMessageRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Delivers one effect through its port, using and recording the incident's room state. */
final class EffectRunner {
  private final EffectStore store;
  private final Database db;
  private final EffectPorts ports;
  private final Clock clock;
  private final IncidentMessages messages = new IncidentMessages();

  EffectRunner(EffectStore store, Database db, EffectPorts ports, Clock clock) {
    this.store = store;
    this.db = db;
    this.ports = ports;
    this.clock = clock;
  }

  /**
   * Delivers the effect. The adapters look for what an earlier attempt may have left at the vendor
   * (the message by its key, the meeting by its marker) when the row says an attempt was started,
   * and always when the database may have lost that record in a crash.
   */
  Delivered run(EffectRow row) throws EffectFailure {
    String id = row.effect().incidentId();
    boolean again = row.mayHaveBeenSent() || db.mayLoseRecentCommits();
    Effect e = row.effect();
    if (e instanceof Effect.OpenRoom r) {
      return openRoom(r);
    }
    if (e instanceof Effect.RefreshSummary) {
      return refreshSummary(row.seq(), id, again);
    }
    if (e instanceof Effect.PostToRoom p) {
      ChatMessageRef ref = chat().post(channel(id), ChatMessage.text(p.key(), p.text()), again);
      return Delivered.quietly(ref.ts());
    }
    if (e instanceof Effect.PostToChannel p) {
      ChatMessageRef ref = chat().post(p.channel(), ChatMessage.text(p.key(), p.text()), again);
      return Delivered.noted(ref.ts(), "Posted to Slack " + p.channel());
    }
    if (e instanceof Effect.Page p) {
      return page(p, again);
    }
    if (e instanceof Effect.Invite i) {
      return invite(i);
    }
    if (e instanceof Effect.OpenBridge b) {
      return openBridge(b, again);
    }
    return sendMail((Effect.SendMail) e);
  }

  private Delivered openRoom(Effect.OpenRoom r) throws EffectFailure {
    Optional<IncidentRoom> room = store.room(r.incidentId());
    if (room.isPresent() && room.get().channelId() != null) {
      return Delivered.quietly(room.get().channelId());
    }
    ChatChannel channel = chat().openChannel(r.channelName(), r.incidentId());
    store.setRoom(r.incidentId(), "channel_id", channel.id());
    store.setRoom(r.incidentId(), "channel_name", channel.name());
    return Delivered.noted(
        channel.id(), "War room #" + channel.name() + " opened in Slack (" + channel.id() + ")");
  }

  private Delivered refreshSummary(long seq, String incidentId, boolean again)
      throws EffectFailure {
    store.coalesceSummaries(incidentId, seq, clock.millis());
    IncidentRoom room = roomWithChannel(incidentId);
    Incident incident = incident(incidentId);
    ChatMessage summary = messages.summary(incident, room.bridgeUrl(), incidentId + ":summary");
    if (room.summaryTs() == null) {
      ChatMessageRef ref = chat().post(room.channelId(), summary, again);
      store.setRoom(incidentId, "summary_ts", ref.ts());
      return Delivered.quietly(ref.ts());
    }
    chat().update(new ChatMessageRef(room.channelId(), room.summaryTs()), summary);
    return Delivered.quietly(room.summaryTs());
  }

  private Delivered page(Effect.Page p, boolean again) throws EffectFailure {
    String member = member(p.person());
    Incident incident = incident(p.incidentId());
    ChatMessageRef ref =
        chat().post(member, messages.pageMessage(incident, p.text(), p.key()), again);
    return Delivered.noted(ref.ts(), "Paged " + p.person().userId() + " in Slack");
  }

  private Delivered invite(Effect.Invite i) throws EffectFailure {
    String channel = channel(i.incidentId());
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
      chat().invite(channel, members);
    }
    String line =
        (invited.isEmpty() ? "Nobody invited" : "Invited " + String.join(", ", invited))
            + " to the war room"
            + (unknown.isEmpty() ? "" : "; no Slack member for " + String.join(", ", unknown));
    return Delivered.noted(String.join(",", members), line);
  }

  private Delivered openBridge(Effect.OpenBridge b, boolean again) throws EffectFailure {
    Optional<IncidentRoom> room = store.room(b.incidentId());
    if (room.isPresent() && room.get().bridgeUrl() != null) {
      return Delivered.quietly(room.get().bridgeUrl());
    }
    ConferenceBridge port =
        ports
            .bridge()
            .orElseThrow(() -> EffectFailure.permanent("not_configured", "Zoom not configured"));
    Bridge bridge =
        port.open(
            new ConferenceBridge.BridgeRequest(
                b.incidentId(), b.topic(), "Incident " + b.incidentId()),
            again);
    store.setRoom(b.incidentId(), "bridge_id", bridge.id());
    store.setRoom(b.incidentId(), "bridge_url", bridge.joinUrl());
    List<Effect> followUps = new ArrayList<>();
    if (room.isPresent() && room.get().channelName() != null) {
      followUps.add(
          new Effect.PostToRoom(
              b.incidentId(),
              b.incidentId() + ":bridge:post",
              "Conference bridge: " + bridge.joinUrl()));
      followUps.add(new Effect.RefreshSummary(b.incidentId(), "bridge"));
    }
    return new Delivered(
        bridge.joinUrl(),
        List.of("Zoom bridge opened: " + bridge.joinUrl()),
        new EffectPlan(followUps, List.of()));
  }

  private Delivered sendMail(Effect.SendMail m) throws EffectFailure {
    Mailer mailer =
        ports
            .mail()
            .orElseThrow(() -> EffectFailure.permanent("not_configured", "mail not configured"));
    String messageId =
        m.key().startsWith("ticket:")
            ? ticketMessageId(m.incidentId(), m.key())
            : messageId(m.key());
    String root = store.room(m.incidentId()).map(IncidentRoom::mailRoot).orElse(null);
    if (root == null) {
      store.setRoom(m.incidentId(), "mail_root", messageId);
      root = messageId;
    }
    boolean isRoot = root.equals(messageId);
    mailer.send(
        new Mailer.Mail(
            m.to(),
            m.subject(),
            m.text(),
            m.html(),
            messageId,
            isRoot ? null : root,
            isRoot ? List.of() : List.of(root)));
    return Delivered.noted(messageId, "Mail sent to " + String.join(", ", m.to()));
  }

  private String member(Effect.Person p) throws EffectFailure {
    if (p.chatMember() != null && !p.chatMember().isBlank()) {
      return p.chatMember();
    }
    if (p.email() == null) {
      throw EffectFailure.permanent(
          "no_member", "no Slack member for " + p.userId() + ": no Slack id or mail configured");
    }
    return chat()
        .memberByEmail(p.email())
        .orElseThrow(
            () ->
                EffectFailure.permanent(
                    "users_not_found",
                    "no Slack member for " + p.userId() + " with the mail address configured"));
  }

  private Notifier chat() throws EffectFailure {
    return ports
        .chat()
        .orElseThrow(() -> EffectFailure.permanent("not_configured", "Slack not configured"));
  }

  private String channel(String incidentId) throws EffectFailure {
    return roomWithChannel(incidentId).channelId();
  }

  private IncidentRoom roomWithChannel(String incidentId) throws EffectFailure {
    return store
        .room(incidentId)
        .filter(r -> r.channelId() != null)
        .orElseThrow(
            () -> EffectFailure.permanent("no_room", "the incident has no war room in Slack"));
  }

  private Incident incident(String incidentId) throws EffectFailure {
    Incident i = db.inTransaction(s -> s.find(Incident.class, incidentId));
    if (i == null) {
      throw EffectFailure.permanent("no_incident", "incident " + incidentId + " not found");
    }
    return i;
  }

  /** A stable Message-ID for the effect key: the same mail keeps its id across retries. */
  /**
   * A ticket mail's Message-ID names its ticket ({@code ticket.<id>.<digest>@domain}), so a reply's
   * {@code In-Reply-To} leads back to the ticket.
   */
  String ticketMessageId(String ticketId, String key) {
    String id = messageId(key);
    return "ticket." + ticketId + "." + id.substring("opsflow.".length());
  }

  String messageId(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "opsflow." + HexFormat.of().formatHex(digest, 0, 12) + "@" + ports.mailDomain();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
