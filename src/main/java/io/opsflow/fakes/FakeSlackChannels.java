package io.opsflow.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.fakes.FakeSlackWorkspace.Room;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** conversations.create, conversations.list (cursor paging) and conversations.setPurpose. */
final class FakeSlackChannels {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,80}");

  private final ObjectMapper json;
  private final FakeSlackWorkspace ws;
  private final String botUserId;

  FakeSlackChannels(ObjectMapper json, FakeSlackWorkspace ws, String botUserId) {
    this.json = json;
    this.ws = ws;
    this.botUserId = botUserId;
  }

  ObjectNode channel(Room room) {
    ObjectNode c = json.createObjectNode();
    ws.locked(
        () -> {
          c.put("id", room.id)
              .put("name", room.name)
              .put("name_normalized", room.name)
              .put("is_channel", !room.isPrivate)
              .put("is_group", false)
              .put("is_private", room.isPrivate)
              .put("is_archived", room.archived)
              .put("is_member", room.members.contains(botUserId))
              .put("created", room.created)
              .put("creator", room.creator)
              .put("num_members", room.members.size());
          c.putObject("purpose").put("value", room.purpose).put("creator", "").put("last_set", 0);
          c.putObject("topic").put("value", "").put("creator", "").put("last_set", 0);
          return null;
        });
    return c;
  }

  ObjectNode create(Map<String, String> p) {
    String name = p.getOrDefault("name", "");
    if (!NAME.matcher(name).matches()) {
      return error("invalid_name");
    }
    boolean isPrivate = FakeSlackRequest.flag(p, "is_private");
    Optional<Room> created =
        ws.locked(
            () ->
                ws.roomNamed(name).isPresent()
                    ? Optional.empty()
                    : Optional.of(ws.create(name, botUserId, isPrivate)));
    if (created.isEmpty()) {
      return error("name_taken");
    }
    ObjectNode r = ok();
    r.set("channel", channel(created.get()));
    return r;
  }

  ObjectNode list(Map<String, String> p) {
    List<String> types = Arrays.asList(p.getOrDefault("types", "public_channel").split(","));
    boolean excludeArchived = FakeSlackRequest.flag(p, "exclude_archived");
    int limit = Math.max(1, Math.min(1000, Integer.parseInt(p.getOrDefault("limit", "100"))));
    List<Room> all =
        ws.rooms().stream()
            .filter(r -> types.contains(r.isPrivate ? "private_channel" : "public_channel"))
            .filter(r -> !(excludeArchived && r.archived))
            .toList();
    int from = offset(p.get("cursor"));
    int to = Math.min(all.size(), from + limit);
    ArrayNode channels = json.createArrayNode();
    for (Room room : all.subList(Math.min(from, all.size()), to)) {
      channels.add(channel(room));
    }
    ObjectNode r = ok();
    r.set("channels", channels);
    r.putObject("response_metadata").put("next_cursor", to < all.size() ? cursor(to) : "");
    return r;
  }

  ObjectNode setPurpose(Map<String, String> p) {
    Optional<Room> room = ws.room(p.get("channel"));
    if (room.isEmpty()) {
      return error("channel_not_found");
    }
    String purpose = p.getOrDefault("purpose", "");
    ws.locked(() -> room.get().purpose = purpose);
    return ok().put("purpose", purpose);
  }

  private static int offset(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    try {
      String raw = new String(Base64.getDecoder().decode(cursor));
      return Integer.parseInt(raw.substring("offset:".length()));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String cursor(int offset) {
    return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes());
  }

  private ObjectNode ok() {
    return json.createObjectNode().put("ok", true);
  }

  private ObjectNode error(String code) {
    return json.createObjectNode().put("ok", false).put("error", code);
  }
}
