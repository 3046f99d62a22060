package io.opsflow.notify.model;

import io.opsflow.escalation.model.EscalationPlan;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentStatus;
import io.opsflow.notify.model.Notifier.Button;
import io.opsflow.notify.model.Notifier.ChatMessage;
import io.opsflow.notify.model.Notifier.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words opsflow says about an incident in chat and mail. */
public final class IncidentMessages {
  private static final int SLUG_MAX = 40;

  /** {@code inc-<first 12 of the id>-<slug of the title>}, at most 80 characters, Slack-safe. */
  public String channelName(Incident i) {
    String id = i.id().replace("-", "");
    String shortId = id.substring(0, Math.min(12, id.length())).toLowerCase(Locale.ROOT);
    String slug = slug(i.title());
    return slug.isEmpty() ? "inc-" + shortId : "inc-" + shortId + "-" + slug;
  }

  static String slug(String title) {
    String s =
        (title == null ? "" : title)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (s.length() > SLUG_MAX) {
      s = s.substring(0, SLUG_MAX).replaceAll("-+$", "");
    }
    return s;
  }

  public String bridgeTopic(Incident i) {
    return label(i) + " " + i.title();
  }

  /** The summary kept up to date in the war room, with the buttons that still make sense. */
  public ChatMessage summary(Incident i, String bridgeUrl, String key) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("Status", i.status().name().toLowerCase(Locale.ROOT)));
    fields.add(new Field("Priority", i.priority() == null ? "untriaged" : i.priority()));
    fields.add(new Field("Severity", String.valueOf(i.severity())));
    fields.add(new Field("Alerts", Integer.toString(i.alertCount())));
    fields.add(new Field("Opened", i.openedAt().toString()));
    if (i.acknowledgedBy() != null) {
      fields.add(new Field("Acknowledged by", i.acknowledgedBy()));
    }
    if (i.resolvedBy() != null) {
      fields.add(new Field("Resolved by", i.resolvedBy()));
    }
    if (bridgeUrl != null) {
      fields.add(new Field("Bridge", bridgeUrl));
    }
    List<Button> buttons = new ArrayList<>();
    if (i.status() == IncidentStatus.TRIGGERED) {
      buttons.add(new Button("acknowledge", "Acknowledge", i.id(), "primary"));
    }
    if (i.status() != IncidentStatus.RESOLVED) {
      buttons.add(new Button("resolve", "Resolve", i.id(), "danger"));
    }
    String text = "*" + label(i) + "* " + i.title();
    return new ChatMessage(key, text, fields, buttons);
  }

  /** The page a person gets: what, how urgent, and the two buttons. */
  public ChatMessage pageMessage(Incident i, String text, String key) {
    return new ChatMessage(
        key,
        text,
        List.of(),
        List.of(
            new Button("acknowledge", "Acknowledge", i.id(), "primary"),
            new Button("resolve", "Resolve", i.id(), "danger")));
  }

  String page(Incident i, EscalationPlan.Step step) {
    String who =
        step.resolvedRecipients().isEmpty()
            ? "nobody on call"
            : String.join(", ", step.resolvedRecipients());
    return "Paging "
        + who
        + " for "
        + label(i)
        + " "
        + i.title()
        + " (escalation level "
        + (step.level() + 1)
        + ", round "
        + (step.round() + 1)
        + ")";
  }

  String acknowledged(Incident i) {
    return "Acknowledged by " + i.acknowledgedBy() + after(i.openedAt(), i.acknowledgedAt());
  }

  /** The summary posted when the incident is resolved. */
  String closing(Incident i) {
    StringBuilder s =
        new StringBuilder("Resolved by ")
            .append(i.resolvedBy())
            .append(after(i.openedAt(), i.resolvedAt()))
            .append(". ");
    if (i.acknowledgedBy() != null) {
      s.append("Acknowledged by ")
          .append(i.acknowledgedBy())
          .append(after(i.openedAt(), i.acknowledgedAt()))
          .append(". ");
    } else {
      s.append("Never acknowledged. ");
    }
    s.append("Priority ")
        .append(i.priority() == null ? "untriaged" : i.priority())
        .append(", ")
        .append(i.alertCount())
        .append(i.alertCount() == 1 ? " alert" : " alerts")
        .append(", ")
        .append(i.eventCount())
        .append(" notifications. This room stays open for the RCA.");
    return s.toString();
  }

  String reminder(Incident i) {
    return "Status update due for "
        + label(i)
        + " ("
        + i.status().name().toLowerCase(Locale.ROOT)
        + "): post what is known, what is being done, and when the next update comes.";
  }

  static String label(Incident i) {
    return (i.priority() == null ? "" : i.priority() + " ") + "incident " + shortId(i);
  }

  static String shortId(Incident i) {
    return i.id().length() > 8 ? i.id().substring(0, 8) : i.id();
  }

  static String html(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String after(Instant from, Instant to) {
    if (from == null || to == null) {
      return "";
    }
    Duration d = Duration.between(from, to);
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    long h = d.toHours();
    long m = d.toMinutesPart();
    long s = d.toSecondsPart();
    String text = h > 0 ? h + " h " + m + " min" : m > 0 ? m + " min " + s + " s" : s + " s";
    return " after " + text;
  }
}
