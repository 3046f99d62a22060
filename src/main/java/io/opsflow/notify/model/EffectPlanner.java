package io.opsflow.notify.model;

import io.opsflow.escalation.model.EscalationPlan;
import io.opsflow.escalation.model.User;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentEvent;
import io.opsflow.notify.model.Effect.Invite;
import io.opsflow.notify.model.Effect.OpenBridge;
import io.opsflow.notify.model.Effect.OpenRoom;
import io.opsflow.notify.model.Effect.Page;
import io.opsflow.notify.model.Effect.Person;
import io.opsflow.notify.model.Effect.PostToChannel;
import io.opsflow.notify.model.Effect.PostToRoom;
import io.opsflow.notify.model.Effect.RefreshSummary;
import io.opsflow.notify.model.Effect.SendMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides the effects of an incident's state changes: a war room and a bridge when triage sets a
 * priority that calls for them, summary refreshes and room posts on lifecycle events, pages,
 * invitations and mails at each escalation step, and status-update reminders. Free of storage and
 * vendors; every effect's key follows from the change, so the same change plans the same effects.
 */
public final class EffectPlanner {
  static final String SLACK_OFF = "not sent: Slack not configured";

  private final EffectSettings settings;
  private final IncidentMessages messages = new IncidentMessages();
  private final PageMails mails = new PageMails(messages);

  public EffectPlanner(EffectSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public EffectSettings settings() {
    return settings;
  }

  /** After triage (or a person) set the incident's priority. */
  public EffectPlan onPrioritized(Incident incident, boolean roomOpen, String cause) {
    List<Effect> effects = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String priority = incident.priority();
    if (roomOpen) {
      effects.add(new RefreshSummary(incident.id(), cause));
    } else if (settings.roomFor(priority)) {
      if (settings.chat()) {
        effects.add(new OpenRoom(incident.id(), messages.channelName(incident)));
        effects.add(new RefreshSummary(incident.id(), cause));
      } else {
        notes.add("War room for " + priority + " not opened: " + SLACK_OFF);
      }
    }
    if (settings.bridgeFor(priority)) {
      if (settings.bridge()) {
        effects.add(new OpenBridge(incident.id(), messages.bridgeTopic(incident)));
      } else {
        notes.add("Conference bridge for " + priority + " not opened: Zoom not configured");
      }
    }
    return new EffectPlan(effects, notes);
  }

  /** A lifecycle event on an incident: refresh the summary, and say it in the room. */
  public EffectPlan onEvent(IncidentEvent event, Incident incident, boolean roomOpen) {
    if (!roomOpen) {
      return EffectPlan.none();
    }
    String cause = shortType(event.type()) + ":" + event.at().toEpochMilli();
    List<Effect> effects = new ArrayList<>();
    effects.add(new RefreshSummary(incident.id(), cause));
    String line =
        switch (event.type()) {
          case IncidentEvent.ACKNOWLEDGED -> messages.acknowledged(incident);
          case IncidentEvent.RESOLVED -> messages.closing(incident);
          case IncidentEvent.SEVERITY_RAISED ->
              "Severity raised to " + incident.severity() + " by " + event.actor();
          default -> null;
        };
    if (line != null) {
      effects.add(new PostToRoom(incident.id(), incident.id() + ":post:" + cause, line));
    }
    return new EffectPlan(effects, List.of());
  }

  /**
   * An escalation step ran: page each recipient (chat and mail), invite them to the room, say it in
   * the room and in the channels the level targets.
   */
  public EffectPlan onEscalation(
      Incident incident, EscalationPlan.Step step, Map<String, User> users, boolean roomOpen) {
    List<Effect> effects = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String prefix = incident.id() + ":esc:" + step.index() + ":";
    List<Person> people = new ArrayList<>();
    for (String userId : step.resolvedRecipients()) {
      User user = users.get(userId);
      people.add(user == null ? new Person(userId, userId, null, null) : Person.of(user));
    }
    String page = messages.page(incident, step);
    for (Person p : people) {
      if (settings.chat() && (p.chatMember() != null || p.email() != null)) {
        effects.add(new Page(incident.id(), prefix + "page:" + p.userId(), p, page));
      }
      if (p.email() != null) {
        effects.add(
            new SendMail(
                incident.id(),
                prefix + "mail:" + p.userId(),
                List.of(p.email()),
                mails.mailSubject(incident),
                mails.pageMailText(incident, step, p),
                mails.pageMailHtml(incident, step, p)));
      } else {
        notes.add("No mail for " + p.userId() + ": no address configured");
      }
    }
    if (settings.chat()) {
      if (roomOpen && !people.isEmpty()) {
        effects.add(new Invite(incident.id(), prefix + "invite", people));
      }
      if (roomOpen) {
        effects.add(new PostToRoom(incident.id(), prefix + "room", page));
      }
      for (String channel : step.slackChannels()) {
        effects.add(new PostToChannel(incident.id(), prefix + "channel:" + channel, channel, page));
      }
    } else if (!people.isEmpty() || !step.slackChannels().isEmpty()) {
      notes.add("Slack pages for level " + (step.level() + 1) + " " + SLACK_OFF);
    }
    return new EffectPlan(effects, notes);
  }

  /** An SLA warning or breach: say it in the room, where the responders are. */
  public EffectPlan onSlaNotice(Incident incident, String key, String text, boolean roomOpen) {
    if (!roomOpen) {
      return EffectPlan.none();
    }
    return new EffectPlan(List.of(new PostToRoom(incident.id(), key, text)), List.of());
  }

  /**
   * A response SLA breached: page {@code userIds} now (chat and mail, keyed by {@code prefix} and
   * the user), and say {@code text} in the room.
   */
  public EffectPlan onSlaBreach(
      Incident incident,
      String prefix,
      List<String> userIds,
      Map<String, User> users,
      String text,
      boolean roomOpen) {
    List<Effect> effects = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String userId : userIds) {
      User user = users.get(userId);
      Person p = user == null ? new Person(userId, userId, null, null) : Person.of(user);
      if (settings.chat() && (p.chatMember() != null || p.email() != null)) {
        effects.add(new Page(incident.id(), prefix + ":page:" + p.userId(), p, text));
      }
      if (p.email() != null) {
        String body = "Hello " + p.name() + ",\n\n" + text + ".\n\nIncident: " + incident.id();
        effects.add(
            new SendMail(
                incident.id(),
                prefix + ":mail:" + p.userId(),
                List.of(p.email()),
                mails.mailSubject(incident),
                body + "\n",
                "<!doctype html><html><body><pre>" + escape(body) + "</pre></body></html>"));
      } else {
        notes.add("No mail for " + p.userId() + ": no address configured");
      }
    }
    if (roomOpen) {
      effects.add(new PostToRoom(incident.id(), prefix + ":room", text));
    }
    return new EffectPlan(effects, notes);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Status update number {@code n} is due: ask for it in the room. */
  public EffectPlan onReminder(Incident incident, int n, boolean roomOpen) {
    if (!roomOpen) {
      return EffectPlan.none();
    }
    return new EffectPlan(
        List.of(
            new PostToRoom(
                incident.id(), incident.id() + ":reminder:" + n, messages.reminder(incident))),
        List.of());
  }

  private static String shortType(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
