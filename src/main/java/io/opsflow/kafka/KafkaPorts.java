package io.opsflow.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The broker and controller ports of an embedded Kafka node, kept in its data directory so that a
 * restart on the same directory comes back on the same addresses whenever they are still free.
 */
record KafkaPorts(int broker, int controller) {

  static final String FILE_NAME = "ports.properties";

  /**
   * Chooses the ports for a node whose data lives in {@code dataDir} and records them there.
   *
   * @param requestedBroker the broker port asked for, or 0 for the one used last time if free, else
   *     any free port
   */
  static KafkaPorts choose(Path dataDir, int requestedBroker) {
    KafkaPorts previous = read(dataDir.resolve(FILE_NAME));
    int broker = requestedBroker;
    if (broker == 0) {
      broker = previous != null && isFree(previous.broker) ? previous.broker : freePort();
    }
    int controller =
        previous != null && previous.controller != broker && isFree(previous.controller)
            ? previous.controller
            : freePortOtherThan(broker);
    KafkaPorts ports = new KafkaPorts(broker, controller);
    ports.write(dataDir.resolve(FILE_NAME));
    return ports;
  }

  private static KafkaPorts read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
      return new KafkaPorts(
          Integer.parseInt(props.getProperty("broker.port")),
          Integer.parseInt(props.getProperty("controller.port")));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void write(Path file) {
    Properties props = new Properties();
    props.setProperty("broker.port", Integer.toString(broker));
    props.setProperty("controller.port", Integer.toString(controller));
    try (OutputStream out = Files.newOutputStream(file)) {
      props.store(out, "opsflow embedded Kafka: ports reused on restart when free");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePortOtherThan(int taken) {
    int port = freePort();
    while (port == taken) {
      port = freePort();
    }
    return port;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }
}
