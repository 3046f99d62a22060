package io.opsflow.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a Web API request the way Slack does: parameters from the query string and from a form body
 * (what the SDK sends, JSON values such as {@code blocks} inside form fields) or a JSON body, the
 * token from {@code Authorization: Bearer} or a {@code token} parameter.
 */
final class FakeSlackRequest {
  private FakeSlackRequest() {}

  static Map<String, String> parameters(HttpExchange exchange, ObjectMapper json)
      throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      parseForm(query, params);
    }
    byte[] raw = exchange.getRequestBody().readAllBytes();
    String body = new String(raw, StandardCharsets.UTF_8);
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null && type.toLowerCase().startsWith("application/json") && !body.isBlank()) {
      JsonNode node = json.readTree(body);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        params.put(e.getKey(), v.isValueNode() ? v.asText() : json.writeValueAsString(v));
      }
    } else if (!body.isBlank()) {
      parseForm(body, params);
    }
    return params;
  }

  /**
   * A boolean parameter: the SDK sends {@code 1}/{@code 0}, JSON bodies {@code true}/{@code false}.
   */
  static boolean flag(Map<String, String> params, String name) {
    String v = params.get(name);
    return "1".equals(v) || "true".equalsIgnoreCase(v);
  }

  /** The token the request carries, or null. */
  static String token(HttpExchange exchange, Map<String, String> params) {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.startsWith("Bearer ")) {
      return auth.substring("Bearer ".length()).trim();
    }
    return params.get("token");
  }

  private static void parseForm(String form, Map<String, String> into) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      into.put(decode(key), decode(value));
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
