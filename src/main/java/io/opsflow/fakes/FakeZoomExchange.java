package io.opsflow.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reading a request and writing a JSON answer on the JDK's HTTP server. */
final class FakeZoomExchange {
  static final ObjectMapper JSON = new ObjectMapper();

  private FakeZoomExchange() {}

  static Map<String, String> query(HttpExchange ex) {
    Map<String, String> params = new HashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(key), decode(value));
    }
    return params;
  }

  static String body(HttpExchange ex) throws IOException {
    return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  static String bearer(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
  }

  static void json(HttpExchange ex, int status, Object body) throws IOException {
    send(ex, status, JSON.writeValueAsBytes(body));
  }

  static void send(HttpExchange ex, int status, byte[] bytes) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Zoom's API error body. */
  static Map<String, Object> error(int code, String message) {
    return Map.of("code", code, "message", message);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
