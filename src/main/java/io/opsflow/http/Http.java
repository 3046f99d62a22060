package io.opsflow.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.jetty.http.HttpException;

/** Small helpers every route uses: bounded body reads, JSON in and out, bearer tokens. */
public final class Http {
  /** Bodies over this size are refused with 413 before they are parsed. */
  public static final int MAX_BODY = 512 * 1024;

  public static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Http() {}

  /** Reads the body, refusing more than {@link #MAX_BODY} bytes without buffering the excess. */
  public static byte[] body(Context ctx) {
    String length = ctx.header("Content-Length");
    long declared = -1;
    if (length != null) {
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("Content-Length is not a number");
      }
    }
    try (InputStream in = ctx.bodyInputStream()) {
      if (declared > MAX_BODY) {
        throw tooLarge(in);
      }
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw tooLarge(in);
      }
      return bytes;
    } catch (IOException | UncheckedIOException | HttpException.RuntimeException e) {
      throw unreadable();
    }
  }

  /**
   * The 400 for a body that could not be read to its end: the connection ended early, the chunks
   * were cut off, or it was shorter than its Content-Length. The reader's reason is not shown.
   */
  public static ApiException unreadable() {
    return ApiException.badRequest(
        "the request body could not be read: it ended early or its framing is wrong");
  }

  /**
   * The 413 answer. A moderately oversized body is read and discarded first, so the client, still
   * sending, gets the answer instead of a reset connection; a huge one is cut off.
   */
  private static ApiException tooLarge(InputStream in) throws IOException {
    long drained = 0;
    byte[] sink = new byte[64 * 1024];
    int n;
    while (drained < DRAIN_LIMIT && (n = in.read(sink)) > 0) {
      drained += n;
    }
    return new ApiException(
        413, "payload too large", "request bodies are limited to " + MAX_BODY + " bytes");
  }

  private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

  /** Parses JSON, answering 400 with the parser's reason when it is not. */
  public static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequest("request body is empty");
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ApiException.badRequest("request body is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(JsonErrors.notJson(e));
    } catch (IOException e) {
      throw unreadable();
    }
  }

  public static void json(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bearer token of the request, or null. */
  public static String bearer(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return h.substring(7).trim();
  }

  /**
   * For lists answered whole ({@code "next": null}): a cursor is one this server never issued, so
   * it is refused rather than ignored.
   */
  public static void noCursor(Context ctx) {
    String cursor = ctx.queryParam("cursor");
    if (cursor != null && !cursor.isBlank()) {
      throw ApiException.badRequest("cursor is not valid");
    }
  }

  public static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null) {
      return 100;
    }
    try {
      int n = Integer.parseInt(raw);
      if (n < 1 || n > 1000) {
        throw ApiException.badRequest("limit must be between 1 and 1000");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("limit must be a number");
    }
  }
}
