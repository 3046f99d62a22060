package io.opsflow.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Stands in for Slack's {@code response_url} endpoints on 127.0.0.1: records every post by path and
 * answers 200 {@code ok}, or the statuses a test queued for a path first. The shared app is started
 * with its origin as {@code OPSFLOW_SLACK_API_URL}, the only non-Slack origin answers may go to.
 */
public final class SlackResponseServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, List<String>> posts = new ConcurrentHashMap<>();
  private final Map<String, Deque<Integer>> failures = new ConcurrentHashMap<>();

  public SlackResponseServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Deque<Integer> queued = failures.get(path);
          Integer status = queued == null ? null : queued.poll();
          posts
              .computeIfAbsent(path, p -> new java.util.concurrent.CopyOnWriteArrayList<>())
              .add(body);
          byte[] answer = (status == null ? "ok" : "failed").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  /** The origin, such as {@code http://127.0.0.1:40123}. */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A fresh response_url on this server. */
  public String newResponseUrl() {
    return origin() + "/commands/T0001/" + UUID.randomUUID();
  }

  /** The next posts to this URL are answered with these statuses, then 200. */
  public void failNext(String url, Integer... statuses) {
    failures.put(pathOf(url), new ConcurrentLinkedDeque<>(List.of(statuses)));
  }

  /** The bodies posted to this URL so far. */
  public List<String> posts(String url) {
    return new ArrayList<>(posts.getOrDefault(pathOf(url), List.of()));
  }

  /** Waits until {@code count} posts reached the URL and returns them all. */
  public List<String> await(String url, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (posts(url).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected " + count + " post(s) to " + url + " within " + timeout + ": " + posts(url));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return posts(url);
  }

  private static String pathOf(String url) {
    return java.net.URI.create(url).getPath();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
