package io.opsflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Services of a test organization in the shared app's {@code services.yaml}: a service only matches
 * the alerts of its own organization, so a tenant that needs the shipped services (of organization
 * {@code acme}) gets its own copies.
 */
public final class TenantServices {
  private TenantServices() {}

  /** Gives {@code organization} copies of the shipped services (same ids, zones and matches). */
  public static void giveShipped(TestApp app, String organization) {
    String shipped;
    try {
      shipped = Files.readString(Path.of("oncall", "services.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String items = shipped.substring(shipped.indexOf("services:") + "services:".length());
    add(app, items.replace("organization: acme", "organization: " + organization));
  }

  /** Appends service items ({@code " - {id: ..., organization: ...}"} lines) and reloads. */
  public static synchronized void add(TestApp app, String items) {
    Path file = app.oncallDir().resolve("services.yaml");
    try {
      Files.writeString(file, "\n" + items + "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ApiCalls.Resp reloaded = app.api().post("/api/v1/oncall/reload", app.adminToken(), null);
    if (reloaded.status() != 200) {
      throw new IllegalStateException("services not reloaded: " + reloaded.raw());
    }
  }
}
