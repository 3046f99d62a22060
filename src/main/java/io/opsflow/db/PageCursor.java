package io.opsflow.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** A keyset position in a list ordered by (instant, id), opaque to clients. */
public record PageCursor(Instant at, String id) {
  public static final String INVALID = "cursor is not valid";

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor, or null for the first page; refuses one this server did not issue. */
  public static PageCursor decode(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
      int bar = s.indexOf('|');
      return new PageCursor(Instant.parse(s.substring(0, bar)), s.substring(bar + 1));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(INVALID, e);
    }
  }
}
