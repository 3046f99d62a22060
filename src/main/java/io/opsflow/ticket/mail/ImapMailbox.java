package io.opsflow.ticket.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Properties;

/**
 * The IMAP mailbox inbound mail arrives in (Jakarta Mail / Angus). Messages are read with {@code
 * BODY.PEEK}, so reading one does not mark it seen; it is marked {@code \Seen} only when its
 * handler says it is done with it.
 */
final class ImapMailbox {
  /** Larger mails are not read whole: only their headers, and they go to the quarantine. */
  static final int MAX_RAW = 25 * 1024 * 1024;

  private final ImapSettings settings;
  private final Session session;

  /** What the handler is given: the raw mail, or only its headers when it is too large. */
  record Fetched(byte[] raw, int size, boolean headersOnly) {}

  /** Handles one mail; true when it is done with (mark it seen), false to stop and retry later. */
  @FunctionalInterface
  interface Handler {
    boolean handle(Fetched mail);
  }

  ImapMailbox(ImapSettings settings) {
    this.settings = settings;
    Properties p = new Properties();
    String proto = settings.protocol();
    p.put("mail.store.protocol", proto);
    p.put("mail." + proto + ".peek", "true");
    p.put("mail." + proto + ".connectiontimeout", "10000");
    p.put("mail." + proto + ".timeout", "20000");
    p.put("mail." + proto + ".writetimeout", "20000");
    if (settings.ssl()) {
      p.put("mail.imaps.ssl.checkserveridentity", "true");
    }
    this.session = Session.getInstance(p);
  }

  /**
   * Hands the unseen mails to {@code handler}, oldest first, at most {@code max}.
   *
   * @return how many were handled and marked seen
   */
  int drain(int max, Handler handler) throws MessagingException, IOException {
    Store store = session.getStore(settings.protocol());
    store.connect(settings.host(), settings.port(), settings.user(), settings.password());
    try {
      Folder folder = store.getFolder(settings.folder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        int done = 0;
        for (int i = 0; i < unseen.length && done < max; i++) {
          Message m = unseen[i];
          if (m.isExpunged()) {
            continue;
          }
          if (!handler.handle(fetch(m))) {
            break;
          }
          m.setFlag(Flags.Flag.SEEN, true);
          done++;
        }
        return done;
      } finally {
        folder.close(false);
      }
    } finally {
      store.close();
    }
  }

  private static Fetched fetch(Message m) throws MessagingException, IOException {
    int size = m.getSize();
    if (size > MAX_RAW) {
      StringBuilder head = new StringBuilder();
      for (String line : Collections.list(((MimeMessage) m).getAllHeaderLines())) {
        head.append(line).append("\r\n");
      }
      head.append("\r\n");
      return new Fetched(head.toString().getBytes(StandardCharsets.UTF_8), size, true);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
    m.writeTo(out);
    return new Fetched(out.toByteArray(), size, false);
  }
}
