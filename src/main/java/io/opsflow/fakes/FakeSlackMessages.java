package io.opsflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.fakes.FakeSlackServer.Message;
import io.opsflow.fakes.FakeSlackWorkspace.Room;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** chat.postMessage, chat.update and conversations.history on the fake workspace. */
final class FakeSlackMessages {
  private static final int TEXT_MAX = 40_000;

  private final ObjectMapper json;
  private final FakeSlackWorkspace ws;
  private final String botUserId;

  FakeSlackMessages(ObjectMapper json, FakeSlackWorkspace ws, String botUserId) {
    this.json = json;
    this.ws = ws;
    this.botUserId = botUserId;
  }

  ObjectNode post(Map<String, String> p) throws IOException {
    Optional<Room> found = ws.room(p.get("channel"));
    Optional<String> refused = writable(found);
    if (refused.isPresent()) {
      return error(refused.get());
    }
    String text = p.getOrDefault("text", "");
    JsonNode blocks = parse(p.get("blocks"));
    if (text.isEmpty() && blocks == null) {
      return error("no_text");
    }
    if (text.length() > TEXT_MAX) {
      return error("msg_too_long");
    }
    if (p.get("blocks") != null && (blocks == null || !blocks.isArray())) {
      return error("invalid_blocks");
    }
    Message m = ws.add(found.get(), botUserId, text, blocks, parse(p.get("metadata")));
    ObjectNode r = ok().put("channel", found.get().id).put("ts", m.ts());
    r.set("message", FakeSlackMethods.messageJson(json, m, true));
    return r;
  }

  ObjectNode update(Map<String, String> p) throws IOException {
    Optional<Room> found = ws.room(p.get("channel"));
    Optional<String> refused = writable(found);
    if (refused.isPresent()) {
      return error(refused.get());
    }
    String ts = p.getOrDefault("ts", "");
    Optional<Message> old =
        ws.messages(found.get()).stream().filter(m -> m.ts().equals(ts)).findFirst();
    if (old.isEmpty()) {
      return error("message_not_found");
    }
    JsonNode blocks = p.containsKey("blocks") ? parse(p.get("blocks")) : old.get().blocks();
    JsonNode meta = p.containsKey("metadata") ? parse(p.get("metadata")) : old.get().metadata();
    String text = p.getOrDefault("text", old.get().text());
    ws.replace(found.get(), new Message(ts, old.get().user(), text, blocks, meta));
    return ok().put("channel", found.get().id).put("ts", ts).put("text", text);
  }

  ObjectNode history(Map<String, String> p) {
    Optional<Room> found = ws.room(p.get("channel"));
    if (found.isEmpty()) {
      return error("channel_not_found");
    }
    boolean withMetadata = FakeSlackRequest.flag(p, "include_all_metadata");
    int limit = Math.max(1, Math.min(999, Integer.parseInt(p.getOrDefault("limit", "100"))));
    List<Message> all = ws.messages(found.get());
    ArrayNode messages = json.createArrayNode();
    for (int i = all.size() - 1; i >= 0 && messages.size() < limit; i--) {
      messages.add(FakeSlackMethods.messageJson(json, all.get(i), withMetadata));
    }
    ObjectNode r = ok();
    r.set("messages", messages);
    r.put("has_more", all.size() > limit);
    r.putObject("response_metadata").put("next_cursor", "");
    return r;
  }

  private Optional<String> writable(Optional<Room> room) {
    if (room.isEmpty()) {
      return Optional.of("channel_not_found");
    }
    if (room.get().archived) {
      return Optional.of("is_archived");
    }
    boolean member = ws.locked(() -> room.get().members.contains(botUserId));
    return member ? Optional.empty() : Optional.of("not_in_channel");
  }

  private JsonNode parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return json.readTree(raw);
    } catch (IOException e) {
      return null;
    }
  }

  private ObjectNode ok() {
    return json.createObjectNode().put("ok", true);
  }

  private ObjectNode error(String code) {
    return json.createObjectNode().put("ok", false).put("error", code);
  }
}
