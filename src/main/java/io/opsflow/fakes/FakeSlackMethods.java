package io.opsflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.fakes.FakeSlackServer.Message;
import io.opsflow.fakes.FakeSlackWorkspace.Room;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The Web API methods the fake speaks, each answering Slack's JSON shape (HTTP 200). */
final class FakeSlackMethods {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,80}");

  private final ObjectMapper json;
  private final FakeSlackWorkspace ws;
  private final String botUserId;
  private final FakeSlackMessages messages;

  FakeSlackMethods(ObjectMapper json, FakeSlackWorkspace ws, String botUserId) {
    this.json = json;
    this.ws = ws;
    this.botUserId = botUserId;
    this.messages = new FakeSlackMessages(json, ws, botUserId);
  }

  ObjectNode handle(String method, Map<String, String> p) throws IOException {
    return switch (method) {
      case "auth.test" -> authTest();
      case "conversations.create" -> create(p);
      case "conversations.list" -> list(p);
      case "conversations.setPurpose" -> setPurpose(p);
      case "conversations.invite" -> invite(p);
      case "conversations.history" -> messages.history(p);
      case "chat.postMessage" -> messages.post(p);
      case "chat.update" -> messages.update(p);
      case "users.lookupByEmail" -> lookupByEmail(p);
      default -> error("unknown_method");
    };
  }

  ObjectNode error(String code) {
    return json.createObjectNode().put("ok", false).put("error", code);
  }

  private ObjectNode ok() {
    return json.createObjectNode().put("ok", true);
  }

  private ObjectNode authTest() {
    return ok().put("url", "https://opsflow-fake.slack.com/")
        .put("team", "opsflow fake")
        .put("user", "opsflow")
        .put("team_id", "T0000001")
        .put("user_id", botUserId)
        .put("bot_id", "B0000001");
  }

  private ObjectNode create(Map<String, String> p) {
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

  private ObjectNode list(Map<String, String> p) {
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

  private ObjectNode setPurpose(Map<String, String> p) {
    Optional<Room> room = ws.room(p.get("channel"));
    if (room.isEmpty()) {
      return error("channel_not_found");
    }
    String purpose = p.getOrDefault("purpose", "");
    ws.locked(() -> room.get().purpose = purpose);
    return ok().put("purpose", purpose);
  }

  private ObjectNode invite(Map<String, String> p) {
    Optional<Room> found = ws.room(p.get("channel"));
    if (found.isEmpty()) {
      return error("channel_not_found");
    }
    Room room = found.get();
    if (room.archived) {
      return error("is_archived");
    }
    List<String> users = Arrays.asList(p.getOrDefault("users", "").split(","));
    boolean force = FakeSlackRequest.flag(p, "force");
    ArrayNode errors = json.createArrayNode();
    ws.locked(
        () -> {
          List<String> valid = new java.util.ArrayList<>();
          for (String user : users) {
            String problem =
                user.equals(botUserId)
                    ? "cant_invite_self"
                    : room.members.contains(user)
                        ? "already_in_channel"
                        : ws.knownUser(user) ? null : "user_not_found";
            if (problem == null) {
              valid.add(user);
            } else {
              errors.addObject().put("user", user).put("ok", false).put("error", problem);
            }
          }
          if (errors.isEmpty() || force) {
            room.members.addAll(valid);
          }
          return null;
        });
    if (errors.isEmpty()) {
      ObjectNode r = ok();
      r.set("channel", channel(room));
      return r;
    }
    ObjectNode r = error(errors.get(0).get("error").asText());
    if (users.size() > 1) {
      r.set("errors", errors);
    }
    return r;
  }

  private ObjectNode lookupByEmail(Map<String, String> p) {
    Optional<String> id = ws.userByEmail(p.get("email"));
    if (id.isEmpty()) {
      return error("users_not_found");
    }
    ObjectNode r = ok();
    ObjectNode user = r.putObject("user").put("id", id.get()).put("team_id", "T0000001");
    user.putObject("profile").put("email", p.get("email"));
    return r;
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

  static JsonNode messageJson(ObjectMapper json, Message m, boolean withMetadata) {
    ObjectNode n = json.createObjectNode().put("type", "message").put("user", m.user());
    n.put("text", m.text()).put("ts", m.ts());
    if (m.blocks() != null) {
      n.set("blocks", m.blocks());
    }
    if (withMetadata && m.metadata() != null) {
      n.set("metadata", m.metadata());
    }
    return n;
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
}
