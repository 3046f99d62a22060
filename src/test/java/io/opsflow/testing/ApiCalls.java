package io.opsflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** HTTP calls against a running opsflow, as a client sends them. */
public final class ApiCalls {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  public ApiCalls(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A response: status and body (JSON when it parses, else a text node). */
  public record Resp(int status, JsonNode body, String raw) {}

  public Resp send(String method, String path, String token, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = JSON.readTree(r.body());
      } catch (IOException e) {
        json = JSON.getNodeFactory().textNode(r.body());
      }
      return new Resp(r.statusCode(), json, r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Resp post(String path, String token, String body) {
    return send("POST", path, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  public Resp get(String path, String token) {
    return send("GET", path, token, null);
  }

  /** Creates a token with the admin token; returns {id, token}. */
  public JsonNode token(String admin, String kind, String name, String org, String role) {
    Map<String, String> body =
        role == null
            ? Map.of("kind", kind, "name", name, "organization", org)
            : Map.of("kind", kind, "name", name, "organization", org, "role", role);
    try {
      Resp r = post("/api/v1/tokens", admin, JSON.writeValueAsString(body));
      if (r.status() != 201) {
        throw new IllegalStateException("token create failed: " + r.status() + " " + r.raw());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Polls {@code GET path} until the body matches, for at most 20 s; returns the last body. This
   * waits for asynchronous work, it does not time it.
   */
  /** Waits until the caller's incident list holds exactly one incident; that incident's id. */
  public String onlyIncidentId(String token) {
    return await("/api/v1/incidents", token, p -> p.path("items").size() == 1)
        .path("items")
        .get(0)
        .path("id")
        .asText();
  }

  public JsonNode await(String path, String token, Predicate<JsonNode> until) {
    return await(path, token, until, Duration.ofSeconds(20));
  }

  /** Polls {@code GET path} until the body matches, for at most {@code within}. */
  public JsonNode await(String path, String token, Predicate<JsonNode> until, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      Resp r = get(path, token);
      last = r.body();
      if (r.status() == 200 && until.test(last)) {
        return last;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError(
        "condition not met within " + within.toSeconds() + " s on " + path + "; last: " + last);
  }
}
