package io.opsflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reading the fields of a JSON request body, refusing what the endpoint does not know. */
public final class JsonBodies {
  private JsonBodies() {}

  /** Refuses fields the endpoint does not know: a typo must not be silently dropped. */
  public static void only(JsonNode body, Set<String> known) {
    if (!body.isObject()) {
      throw ApiException.badRequest("body must be a JSON object");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw ApiException.badRequest(
            "unknown field '" + f + "'; known: " + String.join(", ", known));
      }
    }
  }

  public static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw ApiException.badRequest(field + " must be a string");
    }
    return n.asText();
  }

  public static List<String> strings(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw ApiException.badRequest(field + " must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode x : n) {
      if (!x.isTextual()) {
        throw ApiException.badRequest(field + " must be an array of strings");
      }
      out.add(x.asText());
    }
    return out;
  }

  /** Attachments as {@code [{"filename", "mediaType", "content": base64}]}; too large is 413. */
}
