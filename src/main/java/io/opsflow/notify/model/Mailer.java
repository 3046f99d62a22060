package io.opsflow.notify.model;

import java.util.List;

/**
 * The mail port: notifications in HTML and plain text, threaded per incident. The adapter sends
 * {@code messageId} as the {@code Message-ID}, so a mail sent twice after a crash is one message to
 * the recipients' mail programs.
 */
public interface Mailer {

  void send(Mail mail) throws EffectFailure;

  /**
   * One mail. {@code messageId}, {@code inReplyTo} and {@code references} are bare ids without
   * angle brackets ({@code incident-42.3@opsflow}); the thread root has no {@code inReplyTo}.
   */
  record Mail(
      List<String> to,
      String subject,
      String text,
      String html,
      String messageId,
      String inReplyTo,
      List<String> references) {
    public Mail {
      to = List.copyOf(to);
      references = references == null ? List.of() : List.copyOf(references);
    }
  }
}
