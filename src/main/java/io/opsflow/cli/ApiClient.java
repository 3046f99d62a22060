package io.opsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client of opsflow's HTTP API for the command line. */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  ApiClient(String baseUrl, String token) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** An answer, and the request it answers ({@code POST http://...}). */
  record Response(int status, JsonNode body, String request) {
    boolean ok() {
      return status / 100 == 2;
    }

    /** One line: the status, opsflow's reason, and the request. */
    String describe() {
      String error = body.path("error").asText("");
      String detail = body.path("detail").asText(body.path("message").asText(""));
      if (error.isEmpty() && detail.isEmpty() && body.isTextual()) {
        detail = body.asText().lines().findFirst().orElse("").strip();
      }
      String reason = error.isEmpty() ? detail : detail.isEmpty() ? error : error + ": " + detail;
      return status + (reason.isEmpty() ? "" : " " + reason) + " (" + request + ")";
    }
  }

  Response send(String method, String path, String json) throws IOException {
    URI uri;
    try {
      uri = URI.create(baseUrl + path);
    } catch (IllegalArgumentException e) {
      throw new Failures.CliException(
          "not a URL: " + baseUrl + path + "; give --url http://host:port");
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body =
          r.body() == null || r.body().isBlank() ? JSON.nullNode() : parseOrText(r.body());
      return new Response(r.statusCode(), body, method + " " + uri);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.net.http.HttpConnectTimeoutException e) {
      throw new Failures.CliException(
          "cannot reach opsflow at "
              + baseUrl
              + " (connection timed out); is the address right?"
              + " Give it with --url");
    } catch (java.net.http.HttpTimeoutException e) {
      throw new Failures.CliException(
          "opsflow at "
              + baseUrl
              + " did not answer "
              + method
              + " "
              + path
              + " in time;"
              + " is it overloaded or still starting?");
    } catch (IOException e) {
      throw new Failures.CliException(
          "cannot reach opsflow at "
              + baseUrl
              + " ("
              + reason(e)
              + "); is it running?"
              + " Start it with ./opsflow start, or give its address with --url");
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static JsonNode parseOrText(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }
}
