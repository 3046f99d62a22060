package io.opsflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real payloads in {@code src/test/resources/samples}, as their senders produce them. */
public final class Samples {
  private Samples() {}

  public static String read(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PagerDuty sample with its routing key filled in. */
  public static String pagerDuty(String name, String routingKey) {
    return read(name).replace("<integration token>", routingKey);
  }
}
