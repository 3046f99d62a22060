package io.opsflow.http;

import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request the server refuses before any route sees it (a NUL or an invalid escape
 * in the path, a path or headers too large, a malformed request line): the API's JSON error, or the
 * site's error page for a portal or console address, never the server's own HTML. The reason is in
 * our words, never the server's message; a failure is logged under an error id.
 */
final class ServerErrorHandler extends ErrorHandler {
  private final List<ErrorPages> pages;

  ServerErrorHandler(List<ErrorPages> pages) {
    this.pages = pages;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : 500;
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    String errorId = null;
    if (status >= 500) {
      Object cause = request.getAttribute(ERROR_EXCEPTION);
      errorId =
          Failures.logged(
              "the server refused a request with " + status,
              cause instanceof Throwable t ? t : null);
    }
    String detail = errorId == null ? detail(status) : Failures.message(errorId);
    Optional<ErrorPages> page =
        path == null ? Optional.empty() : pages.stream().filter(p -> p.covers(path)).findFirst();
    String type;
    byte[] body;
    if (page.isPresent()) {
      ErrorPages.Page p = page.get().page(status, path, detail);
      p.headers().forEach((k, v) -> response.getHeaders().put(k, v));
      type = "text/html; charset=utf-8";
      body = p.html().getBytes(StandardCharsets.UTF_8);
    } else {
      type = "application/json";
      body = json(status, detail, errorId);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 ->
          "the request could not be read: its address or headers are malformed (a NUL, an"
              + " invalid percent escape or a character not allowed)";
      case 413 -> "request bodies are limited to " + Http.MAX_BODY + " bytes";
      case 414 -> "the address is longer than the server accepts";
      case 431 -> "the request's headers are larger than the server accepts";
      default -> reason(status);
    };
  }

  private static byte[] json(int status, String detail, String errorId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", status >= 500 ? "internal error" : reason(status));
    m.put("detail", detail);
    if (errorId != null) {
      m.put("errorId", errorId);
    }
    try {
      return Http.JSON.writeValueAsBytes(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String reason(int status) {
    return HttpStatus.forStatus(status).getMessage().toLowerCase(Locale.ROOT);
  }
}
