package io.opsflow.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsflow.notify.model.Effect;
import java.util.Map;

/** An effect as stored: its kind (the record's simple name) and its fields as JSON. */
final class EffectCodec {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final Map<String, Class<? extends Effect>> KINDS =
      Map.of(
          "OpenRoom", Effect.OpenRoom.class,
          "RefreshSummary", Effect.RefreshSummary.class,
          "PostToRoom", Effect.PostToRoom.class,
          "PostToChannel", Effect.PostToChannel.class,
          "Page", Effect.Page.class,
          "Invite", Effect.Invite.class,
          "OpenBridge", Effect.OpenBridge.class,
          "SendMail", Effect.SendMail.class);

  private EffectCodec() {}

  static String kind(Effect e) {
    return e.getClass().getSimpleName();
  }

  static String encode(Effect e) {
    try {
      return JSON.writeValueAsString(e);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("effect not encodable: " + kind(e), ex);
    }
  }

  static Effect decode(String kind, String payload) {
    Class<? extends Effect> type = KINDS.get(kind);
    if (type == null) {
      throw new IllegalArgumentException("unknown effect kind: " + kind);
    }
    try {
      return JSON.readValue(payload, type);
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("effect " + kind + " not decodable", ex);
    }
  }
}
