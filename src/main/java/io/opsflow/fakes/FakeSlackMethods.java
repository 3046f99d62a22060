package io.opsflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.fakes.FakeSlackServer.Message;
import io.opsflow.fakes.FakeSlackWorkspace.Room;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Web API methods the fake speaks, each answering Slack's JSON shape (HTTP 200). */
final class FakeSlackMethods {

  private final ObjectMapper json;
  private final FakeSlackWorkspace ws;
  private final String botUserId;
  private final FakeSlackMessages messages;
  private final FakeSlackChannels channels;

  FakeSlackMethods(ObjectMapper json, FakeSlackWorkspace ws, String botUserId) {
    this.json = json;
    this.ws = ws;
    this.botUserId = botUserId;
    this.messages = new FakeSlackMessages(json, ws, botUserId);
    this.channels = new FakeSlackChannels(json, ws, botUserId);
  }

  ObjectNode handle(String method, Map<String, String> p) throws IOException {
    return switch (method) {
      case "auth.test" -> authTest();
      case "conversations.create" -> channels.create(p);
      case "conversations.list" -> channels.list(p);
      case "conversations.setPurpose" -> channels.setPurpose(p);
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
      r.set("channel", channels.channel(room));
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
}
