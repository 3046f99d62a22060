package io.opsflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.fakes.FakeSlackServer.Channel;
import io.opsflow.fakes.FakeSlackServer.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake workspace's state: channels, their messages, users by email. Every method is
 * synchronized; what leaves this class is an immutable snapshot.
 */
final class FakeSlackWorkspace {
  static final long FIRST_TS_MICROS = 1_700_000_000_000_100L;

  /** A channel as the workspace keeps it. */
  static final class Room {
    final String id;
    final String name;
    final String creator;
    final boolean isPrivate;
    final long created;
    final Set<String> members = new LinkedHashSet<>();
    final List<Message> messages = new ArrayList<>();
    String purpose = "";
    boolean archived;

    Room(String id, String name, String creator, boolean isPrivate, long created) {
      this.id = id;
      this.name = name;
      this.creator = creator;
      this.isPrivate = isPrivate;
      this.created = created;
      members.add(creator);
    }

    Channel snapshot() {
      return new Channel(id, name, creator, List.copyOf(members), purpose, archived, isPrivate);
    }
  }

  private final Map<String, Room> rooms = new LinkedHashMap<>();
  private final Map<String, String> usersByEmail = new ConcurrentHashMap<>();
  private int nextChannel = 1;
  private String botUserId;
  private long nextTsMicros = FIRST_TS_MICROS;

  synchronized Room create(String name, String creator, boolean isPrivate) {
    String id = String.format("C%07d", nextChannel++);
    Room room = new Room(id, name, creator, isPrivate, nextTsMicros / 1_000_000);
    rooms.put(id, room);
    return room;
  }

  /**
   * The channel a method names: an id, a {@code #name}, or a member id, which (as in Slack) is the
   * bot's direct-message channel with that member, opened on first use.
   */
  synchronized Optional<Room> room(String id) {
    if (id == null) {
      return Optional.empty();
    }
    if (id.startsWith("#")) {
      return roomNamed(id.substring(1));
    }
    if (botUserId != null && usersByEmail.containsValue(id)) {
      return Optional.of(
          rooms.computeIfAbsent(
              "D" + id,
              dm -> {
                Room room = new Room(dm, dm, botUserId, true, nextTsMicros / 1_000_000);
                room.members.add(id);
                return room;
              }));
    }
    return Optional.ofNullable(rooms.get(id));
  }

  /** The bot, for direct-message channels. */
  synchronized void bot(String userId) {
    botUserId = userId;
  }

  synchronized Optional<Room> roomNamed(String name) {
    return rooms.values().stream().filter(r -> r.name.equals(name)).findFirst();
  }

  synchronized List<Room> rooms() {
    return List.copyOf(rooms.values());
  }

  synchronized void remove(String id) {
    rooms.remove(id);
  }

  synchronized Message add(Room room, String user, String text, JsonNode blocks, JsonNode meta) {
    long v = nextTsMicros;
    nextTsMicros += 100;
    String ts = String.format("%d.%06d", v / 1_000_000, v % 1_000_000);
    Message m = new Message(ts, user, text, blocks, meta);
    room.messages.add(m);
    return m;
  }

  synchronized Optional<Message> replace(Room room, Message updated) {
    for (int i = 0; i < room.messages.size(); i++) {
      if (room.messages.get(i).ts().equals(updated.ts())) {
        room.messages.set(i, updated);
        return Optional.of(updated);
      }
    }
    return Optional.empty();
  }

  synchronized List<Message> messages(Room room) {
    return List.copyOf(room.messages);
  }

  synchronized <T> T locked(java.util.function.Supplier<T> action) {
    return action.get();
  }

  void addUser(String email, String memberId) {
    usersByEmail.put(email.toLowerCase(), memberId);
  }

  Optional<String> userByEmail(String email) {
    return Optional.ofNullable(email == null ? null : usersByEmail.get(email.toLowerCase()));
  }

  boolean knownUser(String memberId) {
    return usersByEmail.containsValue(memberId);
  }
}
