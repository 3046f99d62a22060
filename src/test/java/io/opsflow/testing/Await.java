package io.opsflow.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for asynchronous work to become visible (bounded; never used to time anything). */
public final class Await {
  private Await() {}

  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("not within 20 s: " + what);
  }
}
