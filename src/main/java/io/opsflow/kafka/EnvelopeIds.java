package io.opsflow.kafka;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Envelope ids as time-ordered UUIDs (version 7, RFC 9562): 48 bits of Unix milliseconds, then a
 * counter, then random bits. Ids written close together sort close together, so the ledger of
 * applied ids grows at the end of its index instead of touching a random page per insert.
 */
public final class EnvelopeIds {
  private static final AtomicLong LAST = new AtomicLong();

  private EnvelopeIds() {}

  public static String next() {
    return nextUuid().toString();
  }

  static UUID nextUuid() {
    // millisecond in the high 48 bits, a 12-bit sequence below it; never goes backwards
    long stamp =
        LAST.updateAndGet(
            prev -> {
              long now = System.currentTimeMillis() << 12;
              return now > prev ? now : prev + 1;
            });
    long millis = stamp >>> 12;
    long seq = stamp & 0xFFF;
    long msb = (millis << 16) | (0x7L << 12) | seq;
    long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
