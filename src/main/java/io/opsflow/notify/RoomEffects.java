package io.opsflow.notify;

import io.opsflow.incident.model.Incident;
import io.opsflow.notify.model.ConferenceBridge;
import io.opsflow.notify.model.ConferenceBridge.Bridge;
import io.opsflow.notify.model.Effect;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.EffectPlan;
import io.opsflow.notify.model.IncidentMessages;
import io.opsflow.notify.model.Notifier.ChatChannel;
import io.opsflow.notify.model.Notifier.ChatMessage;
import io.opsflow.notify.model.Notifier.ChatMessageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Delivers the effects that make an incident's war room: the channel, its summary, the bridge. */
final class RoomEffects {
  private final Delivery d;
  private final IncidentMessages messages;

  RoomEffects(Delivery d, IncidentMessages messages) {
    this.d = d;
    this.messages = messages;
  }

  Delivered openRoom(Effect.OpenRoom r) throws EffectFailure {
    Optional<IncidentRoom> room = d.rooms.room(r.incidentId());
    if (room.isPresent() && room.get().channelId() != null) {
      return Delivered.quietly(room.get().channelId());
    }
    ChatChannel channel = d.chat().openChannel(r.channelName(), r.incidentId());
    d.rooms.set(r.incidentId(), "channel_id", channel.id());
    d.rooms.set(r.incidentId(), "channel_name", channel.name());
    return Delivered.noted(
        channel.id(), "War room #" + channel.name() + " opened in Slack (" + channel.id() + ")");
  }

  Delivered refreshSummary(long seq, String incidentId, boolean again) throws EffectFailure {
    d.outcomes.coalesceSummaries(incidentId, seq, d.clock.millis());
    IncidentRoom room = d.roomWithChannel(incidentId);
    Incident incident = d.incident(incidentId);
    ChatMessage summary = messages.summary(incident, room.bridgeUrl(), incidentId + ":summary");
    if (room.summaryTs() == null) {
      ChatMessageRef ref = d.chat().post(room.channelId(), summary, again);
      d.rooms.set(incidentId, "summary_ts", ref.ts());
      return Delivered.quietly(ref.ts());
    }
    d.chat().update(new ChatMessageRef(room.channelId(), room.summaryTs()), summary);
    return Delivered.quietly(room.summaryTs());
  }

  Delivered openBridge(Effect.OpenBridge b, boolean again) throws EffectFailure {
    Optional<IncidentRoom> room = d.rooms.room(b.incidentId());
    if (room.isPresent() && room.get().bridgeUrl() != null) {
      return Delivered.quietly(room.get().bridgeUrl());
    }
    ConferenceBridge port =
        d.ports
            .bridge()
            .orElseThrow(() -> EffectFailure.permanent("not_configured", "Zoom not configured"));
    Bridge bridge =
        port.open(
            new ConferenceBridge.BridgeRequest(
                b.incidentId(), b.topic(), "Incident " + b.incidentId()),
            again);
    d.rooms.set(b.incidentId(), "bridge_id", bridge.id());
    d.rooms.set(b.incidentId(), "bridge_url", bridge.joinUrl());
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
}
