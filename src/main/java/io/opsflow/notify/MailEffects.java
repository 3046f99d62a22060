package io.opsflow.notify;

import io.opsflow.notify.model.Effect;
import io.opsflow.notify.model.EffectFailure;
import io.opsflow.notify.model.Mailer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Delivers mail: each incident's (or ticket's) mails thread under the first one's Message-ID. */
final class MailEffects {
  private final Delivery d;

  MailEffects(Delivery d) {
    this.d = d;
  }

  Delivered sendMail(Effect.SendMail m) throws EffectFailure {
    Mailer mailer =
        d.ports
            .mail()
            .orElseThrow(() -> EffectFailure.permanent("not_configured", "mail not configured"));
    String messageId =
        m.key().startsWith("ticket:")
            ? ticketMessageId(m.incidentId(), m.key())
            : messageId(m.key());
    String root = d.rooms.room(m.incidentId()).map(IncidentRoom::mailRoot).orElse(null);
    if (root == null) {
      d.rooms.set(m.incidentId(), "mail_root", messageId);
      root = messageId;
    }
    boolean isRoot = root.equals(messageId);
    mailer.send(
        new Mailer.Mail(
            m.to(),
            m.subject(),
            m.text(),
            m.html(),
            messageId,
            isRoot ? null : root,
            isRoot ? List.of() : List.of(root)));
    return Delivered.noted(messageId, "Mail sent to " + String.join(", ", m.to()));
  }

  /**
   * A ticket mail's Message-ID names its ticket ({@code ticket.<id>.<digest>@domain}), so a reply's
   * {@code In-Reply-To} leads back to the ticket.
   */
  String ticketMessageId(String ticketId, String key) {
    String id = messageId(key);
    return "ticket." + ticketId + "." + id.substring("opsflow.".length());
  }

  /** A stable Message-ID for the effect key: the same mail keeps its id across retries. */
  String messageId(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "opsflow." + HexFormat.of().formatHex(digest, 0, 12) + "@" + d.ports.mailDomain();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
