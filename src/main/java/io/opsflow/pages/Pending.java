package io.opsflow.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What a session has just submitted and opsflow has not applied yet (writes go through Kafka): a
 * page shows "being processed" and reloads itself while an entry is here. Entries are forgotten
 * once applied or after {@link #PATIENCE}. Only the session that sent the write sees its entry, so
 * a guessed ticket id shows nothing. Kept in memory, per instance.
 */
final class Pending {
  static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final int MAX = 10_000;

  private record Key(String session, String ticketId, String item) {}

  private final Clock clock;
  private final Map<Key, Instant> entries = new ConcurrentHashMap<>();

  Pending(Clock clock) {
    this.clock = clock;
  }

  /** Notes a write: {@code item} is "ticket", a comment id, or "v" and the ticket's version. */
  void add(String session, String ticketId, String item) {
    Instant now = clock.instant();
    if (entries.size() >= MAX) {
      entries.values().removeIf(at -> at.plus(PATIENCE).isBefore(now));
    }
    entries.put(new Key(session, ticketId, item), now);
  }

  /** The items still waiting for this session and ticket. */
  Set<String> of(String session, String ticketId) {
    Instant now = clock.instant();
    entries.entrySet().removeIf(e -> e.getValue().plus(PATIENCE).isBefore(now));
    return entries.keySet().stream()
        .filter(k -> k.session().equals(session) && k.ticketId().equals(ticketId))
        .map(Key::item)
        .collect(Collectors.toSet());
  }

  void done(String session, String ticketId, String item) {
    entries.remove(new Key(session, ticketId, item));
  }
}
