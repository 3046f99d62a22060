package io.opsflow.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.opsflow.fakes.FakeSlackServer.Call;
import io.opsflow.fakes.FakeSlackServer.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The HTTP side of {@link FakeSlackServer}: records every call, checks the bot token, answers the
 * faults asked for and hands the rest to the Web API methods.
 */
final class FakeSlackHandler implements HttpHandler {
  private final ObjectMapper json;
  private final FakeSlackMethods methods;
  private final String token;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private volatile Consumer<Call> onPost = c -> {};
  private volatile Consumer<Call> onCall = c -> {};

  FakeSlackHandler(ObjectMapper json, FakeSlackMethods methods, String token) {
    this.json = json;
    this.methods = methods;
    this.token = token;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The next {@code count} calls of {@code method} get {@code fault} instead of an answer. */
  void failNext(String method, int count, Fault fault) {
    synchronized (faults) {
      Deque<Fault> queue = faults.computeIfAbsent(method, m -> new ArrayDeque<>());
      for (int i = 0; i < count; i++) {
        queue.add(fault);
      }
    }
  }

  /** Called on the server thread when a chat.postMessage arrives, before it is answered. */
  void onPost(Consumer<Call> listener) {
    onPost = listener == null ? c -> {} : listener;
  }

  /** Called on the server thread for every call as it arrives, before it is answered. */
  void onCall(Consumer<Call> listener) {
    onCall = listener == null ? c -> {} : listener;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      serveOne(exchange);
    }
  }

  private void serveOne(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      Map<String, String> params = FakeSlackRequest.parameters(exchange, json);
      String sent = FakeSlackRequest.token(exchange, params);
      params.remove("token");
      Call call = new Call(method, Map.copyOf(params), Instant.now(), System.nanoTime());
      calls.add(call);
      onCall.accept(call);
      if (method.equals("chat.postMessage")) {
        onPost.accept(call);
      }
      Fault fault = nextFault(method);
      if (fault != null) {
        answerFault(exchange, fault);
      } else if (sent == null || sent.isEmpty()) {
        answer(exchange, 200, methods.error("not_authed"));
      } else if (!sent.equals(token)) {
        answer(exchange, 200, methods.error("invalid_auth"));
      } else {
        answer(exchange, 200, methods.handle(method, params));
      }
    } catch (RuntimeException e) {
      answer(exchange, 500, methods.error("fake_slack_bug: " + e));
    }
  }

  private Fault nextFault(String method) {
    synchronized (faults) {
      Deque<Fault> queue = faults.get(method);
      return queue == null ? null : queue.poll();
    }
  }

  private void answerFault(HttpExchange exchange, Fault fault) throws IOException {
    if (fault.retryAfterSeconds() >= 0) {
      exchange.getResponseHeaders().set("Retry-After", String.valueOf(fault.retryAfterSeconds()));
    }
    if (fault.error() != null) {
      answer(exchange, fault.status(), methods.error(fault.error()));
      return;
    }
    byte[] body =
        ("<html><body>" + fault.status() + "</body></html>").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html");
    exchange.sendResponseHeaders(fault.status(), body.length);
    exchange.getResponseBody().write(body);
  }

  private void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
