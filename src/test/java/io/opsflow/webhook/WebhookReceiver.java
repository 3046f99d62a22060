package io.opsflow.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local webhook receiver: records every request and answers 500 while told to fail. */
final class WebhookReceiver implements AutoCloseable {
  /** One request as received, and the status it was answered with. */
  record Received(String deliveryId, String event, String signature, String body, int status) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failStatus = 500;
  private volatile String retryAfter;

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean fail = failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
          int status = fail ? failStatus : 204;
          if (fail && retryAfter != null) {
            ex.getResponseHeaders().add("Retry-After", retryAfter);
          }
          received.add(
              new Received(
                  ex.getRequestHeaders().getFirst("Opsflow-Delivery"),
                  ex.getRequestHeaders().getFirst("Opsflow-Event"),
                  ex.getRequestHeaders().getFirst("Opsflow-Signature"),
                  body,
                  status));
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The next n requests are answered 500 (Integer.MAX_VALUE: all of them). */
  void failNext(int n) {
    failuresLeft.set(n);
  }

  /** Failures answer this status, with this Retry-After header when not null. */
  void failWith(int status, String retryAfterHeader) {
    failStatus = status;
    retryAfter = retryAfterHeader;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> delivered() {
    return received.stream().filter(r -> r.status() < 300).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
