package io.opsflow.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP written by hand on a socket, for requests no HTTP client sends: a bad escape in the path, a
 * body shorter than its Content-Length, a chunked body cut off. The answer is read until the server
 * closes the connection or its Content-Length is read.
 */
public final class RawHttp {
  private final String host;
  private final int port;

  public RawHttp(String baseUrl) {
    URI u = URI.create(baseUrl);
    this.host = u.getHost();
    this.port = u.getPort();
  }

  /** An answer: status, headers (lower-case names) and body. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Sends {@code head} (the request line and headers, CRLF-separated, ending with a blank line).
   */
  public Answer send(String head, byte[] body, boolean halfClose) {
    try (Socket s = new Socket(host, port)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        if (halfClose) {
          s.shutdownOutput();
        }
      } catch (SocketException e) {
        // the server answered and closed before taking it all: read what it said
      }
      return read(s.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Answer send(String head) {
    return send(head, new byte[0], false);
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int headEnd = -1;
    long expected = -1;
    while (true) {
      int n;
      try {
        n = in.read(chunk);
      } catch (SocketException e) {
        n = -1;
      }
      if (n < 0) {
        break;
      }
      buf.write(chunk, 0, n);
      byte[] all = buf.toByteArray();
      if (headEnd < 0) {
        headEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headEnd >= 0) {
          expected = contentLength(new String(all, 0, headEnd, StandardCharsets.ISO_8859_1));
        }
      }
      if (headEnd >= 0 && expected >= 0 && all.length >= headEnd + 4 + expected) {
        break;
      }
    }
    byte[] all = buf.toByteArray();
    if (headEnd < 0) {
      throw new IllegalStateException(
          "no HTTP answer: " + new String(all, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    String body = new String(all, headEnd + 4, all.length - headEnd - 4, StandardCharsets.UTF_8);
    return new Answer(status, headers, body);
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).trim());
      }
    }
    return -1;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
