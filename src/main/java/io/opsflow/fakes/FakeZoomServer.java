package io.opsflow.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for Zoom's REST API and its Server-to-Server OAuth endpoint, on 127.0.0.1 and a
 * free port, for tests, benchmarks and the dev command. It checks credentials and tokens as Zoom
 * does, records what it was asked, and fails on request ({@link #failNext}).
 */
public final class FakeZoomServer implements AutoCloseable {
  public static final String OAUTH_PATH = "/oauth/token";
  public static final String MEETINGS_PATH = "/v2/users/me/meetings";

  /** One request as received. */
  public record Call(String method, String path, String query) {}

  /** An answer to give instead of the real one: a status, headers and a JSON body. */
  public record Fault(int status, Map<String, String> headers, String body) {
    /** 429 with {@code Retry-After} (seconds or an HTTP date) and Zoom's rate-limit body. */
    public static Fault tooManyRequests(String retryAfter) {
      return new Fault(
          429,
          Map.of("Retry-After", retryAfter),
          "{\"code\":429,\"message\":\"You have reached the maximum per-second rate limit.\"}");
    }

    /** A status with Zoom's error body {@code {"code":..,"message":..}}. */
    public static Fault status(int status, int code, String message) {
      String json =
          FakeZoomExchange.JSON
              .createObjectNode()
              .put("code", code)
              .put("message", message)
              .toString();
      return new Fault(status, Map.of(), json);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4, FakeZoomServer::daemon);
  private final String accountId = "acct-" + FakeZoomOAuth.randomToken().substring(0, 8);
  private final String clientId = "client-" + FakeZoomOAuth.randomToken().substring(0, 8);
  private final String clientSecret = FakeZoomOAuth.randomToken();
  private final FakeZoomOAuth oauth = new FakeZoomOAuth(accountId, clientId, clientSecret);
  private final FakeZoomMeetings meetings;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();

  private FakeZoomServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    meetings = new FakeZoomMeetings(oauth, baseUrl());
    server.createContext("/", this::dispatch);
    server.setExecutor(executor);
    server.start();
  }

  /** On 127.0.0.1 and a free port. */
  public static FakeZoomServer start() {
    return start(0);
  }

  /** On 127.0.0.1 and {@code port} (0: a free one). */
  public static FakeZoomServer start(int port) {
    try {
      return new FakeZoomServer(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake Zoom server", e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String apiUrl() {
    return baseUrl() + "/v2";
  }

  public String accountId() {
    return accountId;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  /** The {@code expires_in} of tokens issued from now on. */
  public void tokenLifetime(Duration ttl) {
    oauth.lifetime(ttl);
  }

  /** Refuse every token issued so far, as Zoom does after a credential rotation. */
  public void expireAllTokens() {
    oauth.expireAll();
  }

  /** Answer the next {@code count} requests to {@code path} with {@code fault}. */
  public void failNext(String path, int count, Fault fault) {
    Deque<Fault> queue = faults.computeIfAbsent(path, p -> new ArrayDeque<>());
    synchronized (queue) {
      for (int i = 0; i < count; i++) {
        queue.add(fault);
      }
    }
  }

  /** Add a meeting as if someone else had created it. */
  public FakeZoomMeeting seedMeeting(String topic) {
    return meetings.seed(topic);
  }

  public List<FakeZoomMeeting> meetings() {
    return meetings.meetings();
  }

  public int tokenRequests() {
    return oauth.requests();
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  private void dispatch(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      calls.add(new Call(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery()));
      Fault fault = nextFault(path);
      if (fault != null) {
        fault.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        FakeZoomExchange.send(
            ex, fault.status(), fault.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else if (path.equals(OAUTH_PATH)) {
        oauth.handle(ex);
      } else if (path.equals(MEETINGS_PATH)) {
        meetings.handle(ex);
      } else {
        FakeZoomExchange.json(ex, 404, FakeZoomExchange.error(404, "No such endpoint: " + path));
      }
    }
  }

  private Fault nextFault(String path) {
    Deque<Fault> queue = faults.get(path);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.poll();
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fake-zoom");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
