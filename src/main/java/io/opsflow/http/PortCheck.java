package io.opsflow.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds a busy HTTP port before start-up does any work, instead of at its end. */
public final class PortCheck {
  private PortCheck() {}

  /** Throws {@link IllegalStateException} when {@code port} (not 0) cannot be bound. */
  public static void requireFree(int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("0.0.0.0", port));
    } catch (IOException e) {
      throw new IllegalStateException(
          "HTTP port "
              + port
              + " is in use (another opsflow, or another program, listens on it); stop it or set"
              + " OPSFLOW_HTTP_PORT to a free port (0 = any)");
    }
  }
}
