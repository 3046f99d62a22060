package io.opsflow.ticket.mail;

import io.opsflow.ticket.model.Attachment;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What a mail says and carries: its text (the plain part, else its HTML as text) and its files.
 * Files are kept under the API's limits (256 KiB each, 384 KiB together, so the command fits a
 * Kafka record like an API request does); larger ones are not kept but named in {@link #dropped}.
 */
record MailBody(String text, List<Attachment> attachments, List<String> dropped) {
  static final int MAX_TOTAL = 384 * 1024;
  private static final int MAX_DEPTH = 10;

  /**
   * Reads the body.
   *
   * @param lenient when the MIME structure does not parse, take the raw body as the text instead of
   *     failing (releasing a quarantined mail)
   * @throws UnparseableMail when the structure does not parse and {@code lenient} is false
   */
  static MailBody read(InboundMail mail, boolean lenient) throws UnparseableMail {
    Walk w = new Walk();
    try {
      w.part(mail.message(), 0);
    } catch (MessagingException | IOException | RuntimeException e) {
      if (!lenient) {
        throw new UnparseableMail("the MIME structure does not parse: " + e.getMessage());
      }
      return new MailBody(rawBody(mail.raw()), List.of(), List.of());
    }
    String text =
        !w.plain.toString().isBlank() ? w.plain.toString() : HtmlText.of(w.html.toString());
    return new MailBody(text.strip(), List.copyOf(w.files), List.copyOf(w.dropped));
  }

  /** The bytes after the header block, as text: what a broken mail says, roughly. */
  static String rawBody(byte[] raw) {
    String s = new String(raw, StandardCharsets.UTF_8);
    int end = s.indexOf("\r\n\r\n");
    int lf = s.indexOf("\n\n");
    int cut = end < 0 ? lf : lf < 0 ? end : Math.min(end, lf);
    return cut < 0 ? "" : s.substring(cut).strip();
  }

  private static final class Walk {
    final StringBuilder plain = new StringBuilder();
    final StringBuilder html = new StringBuilder();
    final List<Attachment> files = new ArrayList<>();
    final List<String> dropped = new ArrayList<>();
    int kept;
    int unnamed;

    void part(Part p, int depth) throws MessagingException, IOException {
      if (depth > MAX_DEPTH) {
        throw new MessagingException("MIME parts nested deeper than " + MAX_DEPTH);
      }
      String filename = filename(p);
      boolean attached = Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || filename != null;
      if (p.isMimeType("multipart/*")) {
        Multipart mp = (Multipart) p.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
          part(mp.getBodyPart(i), depth + 1);
        }
      } else if (!attached && p.isMimeType("text/plain")) {
        append(plain, text(p));
      } else if (!attached && p.isMimeType("text/html")) {
        append(html, text(p));
      } else {
        file(p, filename);
      }
    }

    private void file(Part p, String filename) throws MessagingException, IOException {
      String name = filename;
      if (name == null) {
        unnamed++;
        name = p.isMimeType("message/rfc822") ? "message-" + unnamed + ".eml" : "part-" + unnamed;
      }
      byte[] bytes;
      try (var in = p.getInputStream()) {
        bytes = in.readNBytes(Attachment.MAX_BYTES + 1);
      }
      String type = p.getContentType() == null ? null : p.getContentType().split(";")[0].trim();
      if (bytes.length > Attachment.MAX_BYTES) {
        dropped.add(name + " (over the limit of " + Attachment.MAX_BYTES / 1024 + " KiB a file)");
      } else if (kept + bytes.length > MAX_TOTAL) {
        dropped.add(name + " (the files of one mail are limited to " + MAX_TOTAL / 1024 + " KiB)");
      } else {
        kept += bytes.length;
        String clean = name.replaceAll("[\\\\/\\x00-\\x1f]", "_");
        clean = clean.length() > 255 ? clean.substring(clean.length() - 255) : clean;
        files.add(
            new Attachment(
                clean,
                type == null || type.length() > 100 ? null : type.toLowerCase(),
                bytes.length,
                Base64.getEncoder().encodeToString(bytes)));
      }
    }

    private static String filename(Part p) throws MessagingException {
      try {
        String f = p.getFileName();
        return f == null || f.isBlank() ? null : f.strip();
      } catch (MessagingException e) {
        return "attachment";
      }
    }

    private static String text(Part p) throws MessagingException, IOException {
      try {
        Object c = p.getContent();
        return c instanceof String s
            ? s
            : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (UnsupportedEncodingException e) {
        // an unknown charset: UTF-8 is the best guess, and a wrong guess only garbles accents
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    private static void append(StringBuilder b, String s) {
      if (!b.isEmpty()) {
        b.append("\n\n");
      }
      b.append(s);
    }
  }
}
