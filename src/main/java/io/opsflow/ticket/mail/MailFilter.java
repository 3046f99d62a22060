package io.opsflow.ticket.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells machine mail from a person's: mail loops (our own mail coming back), bounces and
 * auto-replies. Such mail is dropped, never answered: answering an auto-reply is how two robots
 * mail each other forever (RFC 3834).
 */
final class MailFilter {
  /** The header opsflow adds to every mail it sends; its value is our mail domain. */
  static final String LOOP_HEADER = "X-Opsflow-Loop";

  private static final Pattern AUTO_SUBJECT =
      Pattern.compile(
          "^(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|abwesenheitsnotiz)"
              + "[^:]{0,30}:",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");
  private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");

  private final String ownAddress;
  private final String ownDomain;

  /**
   * @param ownAddress the address opsflow sends from ({@code OPSFLOW_MAIL_FROM}), lower case
   * @param ownDomain the domain of the Message-IDs opsflow mints
   */
  MailFilter(String ownAddress, String ownDomain) {
    this.ownAddress = ownAddress.toLowerCase(Locale.ROOT);
    this.ownDomain = ownDomain.toLowerCase(Locale.ROOT);
  }

  /** What kind of machine mail it is, and why we think so; empty for a person's mail. */
  record Drop(String kind, String why) {}

  Optional<Drop> check(InboundMail m) {
    Optional<Drop> loop = loop(m);
    if (loop.isPresent()) {
      return loop;
    }
    Optional<Drop> bounce = bounce(m);
    return bounce.isPresent() ? bounce : autoReply(m);
  }

  private Optional<Drop> loop(InboundMail m) {
    if (ownAddress.equals(m.from())) {
      return drop("loop", "sent from our own address " + ownAddress);
    }
    String mark = m.header(LOOP_HEADER);
    if (mark != null && mark.trim().equalsIgnoreCase(ownDomain)) {
      return drop("loop", LOOP_HEADER + ": " + mark);
    }
    if (!ownDomain.isEmpty() && ownDomain.equals(m.messageIdDomain())) {
      return drop("loop", "Message-ID of our own domain <" + m.messageId() + ">");
    }
    return Optional.empty();
  }

  private static Optional<Drop> bounce(InboundMail m) {
    String local = m.from() == null ? "" : m.from().substring(0, m.from().indexOf('@'));
    if (DAEMONS.contains(local)) {
      return drop("bounce", "from " + m.from());
    }
    String type = m.header("Content-Type");
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
      return drop("bounce", "a delivery or read report (" + type.split(";")[0].trim() + ")");
    }
    String returnPath = m.header("Return-Path");
    if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
      return drop("bounce", "empty Return-Path");
    }
    return Optional.empty();
  }

  private static Optional<Drop> autoReply(InboundMail m) {
    String auto = m.header("Auto-Submitted");
    if (auto != null && !auto.split(";")[0].trim().equalsIgnoreCase("no")) {
      return drop("auto-reply", "Auto-Submitted: " + auto);
    }
    for (String h : new String[] {"X-Autoreply", "X-Autorespond", "X-Autoresponder"}) {
      if (m.header(h) != null) {
        return drop("auto-reply", h + ": " + m.header(h));
      }
    }
    String precedence = m.header("Precedence");
    if (precedence != null && BULK.contains(precedence.toLowerCase(Locale.ROOT))) {
      return drop("auto-reply", "Precedence: " + precedence);
    }
    if (AUTO_SUBJECT.matcher(m.subject()).find()) {
      return drop("auto-reply", "subject '" + m.subject() + "'");
    }
    return Optional.empty();
  }

  private static Optional<Drop> drop(String kind, String why) {
    return Optional.of(new Drop(kind, why));
  }
}
