package io.opsflow.notify.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small SMTP server that answers RCPT and DATA with the replies a test chose: the rejections
 * GreenMail never gives (550 unknown user, 451 try later, 554 refused content).
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
  private volatile String dataReply = "250 2.0.0 OK queued";
  private final Thread thread;

  ScriptedSmtpServer() {
    try {
      socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** Answer {@code RCPT TO:<address>} with {@code reply} (e.g. "550 5.1.1 unknown user"). */
  void rejectRecipient(String address, String reply) {
    rcptReplies.put(address.toLowerCase(Locale.ROOT), reply);
  }

  /** Answer the end of DATA with {@code reply}. */
  void replyToData(String reply) {
    dataReply = reply;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        converse(s);
      } catch (IOException e) {
        // the test closed the server, or the client hung up: wait for the next connection
      }
    }
  }

  private void converse(Socket s) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = s.getOutputStream();
    reply(out, "220 scripted ESMTP");
    for (String line; (line = in.readLine()) != null; ) {
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO")) {
        reply(out, "250-scripted\r\n250 8BITMIME");
      } else if (upper.startsWith("RCPT TO:")) {
        String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
        reply(out, rcptReplies.getOrDefault(address.toLowerCase(Locale.ROOT), "250 2.1.5 OK"));
      } else if (upper.startsWith("DATA")) {
        reply(out, "354 end with <CRLF>.<CRLF>");
        while ((line = in.readLine()) != null && !line.equals(".")) {
          // the message itself is not kept
        }
        reply(out, dataReply);
      } else if (upper.startsWith("QUIT")) {
        reply(out, "221 bye");
        return;
      } else {
        reply(out, "250 OK");
      }
    }
  }

  private static void reply(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
