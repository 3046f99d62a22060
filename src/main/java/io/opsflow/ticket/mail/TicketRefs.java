package io.opsflow.ticket.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ticket a mail answers: the ticket ids in the Message-IDs it replies to ({@code
 * ticket.<id>.<digest>@domain}, newest first), and the reference in its subject ({@code [opsflow
 * T-1A2B3C4D]}). Callers look them up within the sender's organization only.
 */
final class TicketRefs {
  private static final Pattern MESSAGE_ID =
      Pattern.compile(
          "^ticket\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ANYWHERE =
      Pattern.compile(
          "ticket\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.[0-9a-f]+@",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SUBJECT =
      Pattern.compile("\\[opsflow\\s+(T-[0-9A-F]{8})\\]", Pattern.CASE_INSENSITIVE);

  private TicketRefs() {}

  /** Ticket ids from In-Reply-To, then References from the newest to the oldest. */
  static List<String> threadIds(InboundMail m) {
    Set<String> out = new LinkedHashSet<>();
    List<String> refs = new ArrayList<>(m.references());
    java.util.Collections.reverse(refs);
    for (String id : concat(m.inReplyTo(), refs)) {
      Matcher x = MESSAGE_ID.matcher(id);
      if (x.find()) {
        out.add(x.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(out);
  }

  /** The ticket reference in the subject ({@code T-1A2B3C4D}), if any. */
  static Optional<String> subjectReference(String subject) {
    Matcher x = SUBJECT.matcher(subject == null ? "" : subject);
    return x.find() ? Optional.of(x.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
  }

  /**
   * Ticket ids of our Message-IDs anywhere in the text: a bounce quotes the headers of the mail
   * that bounced. Our ids carry a random ticket id, so they cannot be guessed.
   */
  static List<String> quotedIds(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher x = ANYWHERE.matcher(text);
    while (x.find() && out.size() < 5) {
      out.add(x.group(1).toLowerCase(Locale.ROOT));
    }
    return List.copyOf(out);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
