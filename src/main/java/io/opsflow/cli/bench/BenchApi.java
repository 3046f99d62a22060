package io.opsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The HTTP side of a benchmark: intake, incident lists, tokens and the metrics page. */
public final class BenchApi {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_PAGES = 50;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String adminToken;

  /** An integration token and what the broker envelopes need to know about it. */
  public record Integration(String id, String token, String organizationId) {}

  public BenchApi(String baseUrl, String adminToken) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.adminToken = adminToken;
    requireLoopback(URI.create(base).getHost());
  }

  /** Benchmarks flood what they talk to, so they only ever talk to this machine. */
  public static void requireLoopback(String host) {
    try {
      if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException("bench only drives loopback addresses, not " + host);
      }
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + host, e);
    }
  }

  HttpRequest request(String path, String bearer, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (body == null) {
      return b.GET().build();
    }
    return b.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Sends and returns the status; a failed request counts as status 0. */
  int post(String path, String bearer, String body) throws InterruptedException {
    try {
      return http.send(request(path, bearer, body), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    }
  }

  /** POSTs and returns the whole response. */
  HttpResponse<String> send(String path, String bearer, String body)
      throws IOException, InterruptedException {
    return http.send(request(path, bearer, body), HttpResponse.BodyHandlers.ofString());
  }

  /** GETs with the given token and returns the whole response. */
  HttpResponse<String> sendGet(String path, String bearer)
      throws IOException, InterruptedException {
    return http.send(request(path, bearer, null), HttpResponse.BodyHandlers.ofString());
  }

  /** A user token of {@code organization} with {@code role}; returns its secret. */
  String userToken(String name, String organization, String role)
      throws IOException, InterruptedException {
    return BenchTokens.user(this, adminToken, name, organization, role);
  }

  /** Another client of the same instance, with connections of its own. */
  BenchApi separateConnections() {
    return new BenchApi(base, adminToken);
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(request(path, adminToken, null), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  public Integration createIntegration(String name) throws IOException, InterruptedException {
    return BenchTokens.integration(this, adminToken, name);
  }

  /** Triggered incidents whose alert key contains {@code marker}. */
  List<JsonNode> incidents(String marker) throws IOException, InterruptedException {
    List<JsonNode> found = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String path = "/api/v1/incidents?status=triggered&limit=1000";
      JsonNode p = get(cursor == null ? path : path + "&cursor=" + cursor);
      for (JsonNode i : p.path("items")) {
        if (i.path("alertKey").asText().contains(marker)) {
          found.add(i);
        }
      }
      cursor = p.path("next").isTextual() ? p.get("next").asText() : null;
      if (cursor == null || cursor.isBlank()) {
        break;
      }
    }
    return found;
  }

  /** The value of a counter or gauge on {@code /metrics}, summed over series matching a label. */
  double metric(String name, String label) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(request("/metrics", adminToken, null), HttpResponse.BodyHandlers.ofString());
    double sum = 0;
    for (String line : r.body().split("\n")) {
      if (line.startsWith(name + "{") && (label == null || line.contains(label))) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }
}
