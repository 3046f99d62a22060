package io.opsflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A local stand-in for Slack's Web API, for tests, benchmarks and the dev command: the real SDK
 * talks to it over HTTP at {@link #url()}. It keeps a small workspace (channels, messages, users),
 * checks the bot token, records every call, and fails calls on request ({@link #failNext}).
 */
public final class FakeSlackServer implements AutoCloseable {

  /** One request as it arrived: method, parameters (no token), wall-clock and monotonic time. */
  public record Call(String method, Map<String, String> params, Instant at, long nanoTime) {}

  /** What to answer instead of doing a call. */
  public record Fault(int status, String error, int retryAfterSeconds) {
    /** HTTP 429, {@code Retry-After}, {@code {"ok":false,"error":"ratelimited"}}. */
    public static Fault ratelimited(int retryAfterSeconds) {
      return new Fault(429, "ratelimited", retryAfterSeconds);
    }

    /** HTTP 200 with {@code {"ok":false,"error":code}}. */
    public static Fault error(String code) {
      return new Fault(200, code, -1);
    }

    /** A bare HTTP status with an HTML body, as a proxy or load balancer sends. */
    public static Fault http(int status) {
      return new Fault(status, null, -1);
    }
  }

  /** A channel as it is now. */
  public record Channel(
      String id,
      String name,
      String creator,
      List<String> members,
      String purpose,
      boolean archived,
      boolean isPrivate) {}

  /** A message as it is now; {@code blocks} and {@code metadata} as Slack got them, or null. */
  public record Message(String ts, String user, String text, JsonNode blocks, JsonNode metadata) {}

  private final ObjectMapper json = new ObjectMapper();
  private final FakeSlackWorkspace workspace = new FakeSlackWorkspace();
  private final String token = "xoxb-fake-" + UUID.randomUUID();
  private final String botUserId = "UOPSFLOWBOT";
  private final FakeSlackMethods methods = new FakeSlackMethods(json, workspace, botUserId);

  {
    workspace.bot(botUserId);
  }

  private final FakeSlackHandler http = new FakeSlackHandler(json, methods, token);
  private final HttpServer server;
  private final ExecutorService executor;

  /** On 127.0.0.1 and a free port. */
  public FakeSlackServer() {
    this(0);
  }

  /** On 127.0.0.1 and {@code port} (0: a free one). */
  public FakeSlackServer(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    executor = Executors.newFixedThreadPool(4, r -> daemon(r));
    server.setExecutor(executor);
    server.createContext("/api/", http);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  public String token() {
    return token;
  }

  public String botUserId() {
    return botUserId;
  }

  public List<Call> calls() {
    return http.calls();
  }

  public List<Call> calls(String method) {
    return http.calls().stream().filter(c -> c.method().equals(method)).toList();
  }

  public List<Message> messages(String channelId) {
    return workspace.room(channelId).map(workspace::messages).orElse(List.of());
  }

  /** Every channel (direct-message channels too), in creation order. */
  public List<Channel> channels() {
    return workspace.locked(
        () -> workspace.rooms().stream().map(FakeSlackWorkspace.Room::snapshot).toList());
  }

  public Optional<Channel> channelByName(String name) {
    return workspace.locked(() -> workspace.roomNamed(name).map(FakeSlackWorkspace.Room::snapshot));
  }

  public Optional<Channel> channel(String id) {
    return workspace.locked(() -> workspace.room(id).map(FakeSlackWorkspace.Room::snapshot));
  }

  public void addUser(String email, String memberId) {
    workspace.addUser(email, memberId);
  }

  /** A channel that exists before the test (someone else's, or ours from before a crash). */
  public String addChannel(String name, String creatorId) {
    return workspace.create(name, creatorId, false).id;
  }

  /** Makes {@code memberId} (a user added with {@link #addUser}) a member of the channel. */
  public void join(String channelId, String memberId) {
    workspace.locked(() -> workspace.room(channelId).map(r -> r.members.add(memberId)));
  }

  public void setPurpose(String channelId, String purpose) {
    workspace.locked(() -> workspace.room(channelId).map(r -> r.purpose = purpose));
  }

  public void archive(String channelId) {
    workspace.locked(() -> workspace.room(channelId).map(r -> r.archived = true));
  }

  public void deleteChannel(String channelId) {
    workspace.remove(channelId);
  }

  /** The next {@code count} calls of {@code method} get {@code fault} instead of an answer. */
  public void failNext(String method, int count, Fault fault) {
    http.failNext(method, count, fault);
  }

  /** Called on the server thread when a chat.postMessage arrives, before it is answered. */
  public void onPost(Consumer<Call> listener) {
    http.onPost(listener);
  }

  /** Called on the server thread for every call as it arrives, before it is answered. */
  public void onCall(Consumer<Call> listener) {
    http.onCall(listener);
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fake-slack");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
