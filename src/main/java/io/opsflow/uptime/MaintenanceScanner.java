package io.opsflow.uptime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.db.Drainer;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.EnvelopeIds;
import io.opsflow.kafka.Publisher;
import io.opsflow.kafka.Topics;
import io.opsflow.uptime.model.MaintenanceCalendar;
import io.opsflow.uptime.model.MaintenanceTransition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes {@code io.opsflow.maintenance.started} / {@code .ended} to {@code opsflow.events} as
 * windows open and close (subject: the window id), for webhooks and for the timelines of the
 * service's incidents. It covers the time since the previous scan of this process: transitions
 * while opsflow was stopped are not sent afterwards.
 */
public final class MaintenanceScanner extends Drainer {
  public static final String STARTED = "io.opsflow.maintenance.started";
  public static final String ENDED = "io.opsflow.maintenance.ended";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MaintenanceCalendar calendar;
  private final BiConsumer<String, CloudEvent> sink;
  private final Clock clock;
  private Instant scannedUpTo;
  private Instant sentUpTo = Instant.MIN;
  private volatile Consumer<MaintenanceTransition> alsoTo = t -> {};

  /** Publishes to {@code opsflow.events} through {@code publisher}. */
  public MaintenanceScanner(
      MaintenanceCalendar calendar, Publisher publisher, Clock clock, long everyMillis) {
    this(
        calendar, (key, event) -> publisher.publish(Topics.EVENTS, key, event), clock, everyMillis);
  }

  /** Hands each (record key, event) to {@code sink}, which throws when it could not send. */
  public MaintenanceScanner(
      MaintenanceCalendar calendar,
      BiConsumer<String, CloudEvent> sink,
      Clock clock,
      long everyMillis) {
    super("opsflow-maintenance", everyMillis);
    this.calendar = calendar;
    this.sink = sink;
    this.clock = clock;
    this.scannedUpTo = clock.instant();
  }

  /** Also hands each transition sent to {@code consumer} (the incidents' timelines). */
  public void alsoTo(Consumer<MaintenanceTransition> consumer) {
    this.alsoTo = consumer;
  }

  @Override
  protected int drainOnce() {
    scan();
    return 0;
  }

  /** Sends the transitions since the previous scan; returns how many. */
  public synchronized int scan() {
    Instant now = clock.instant();
    int sent = 0;
    for (MaintenanceTransition t : calendar.transitionsBetween(scannedUpTo, now)) {
      if (t.at().isBefore(sentUpTo)) {
        continue; // sent before a failure interrupted the previous scan
      }
      sink.accept(key(t), event(t));
      alsoTo.accept(t);
      sentUpTo = t.at();
      sent++;
    }
    scannedUpTo = now;
    return sent;
  }

  private static String key(MaintenanceTransition t) {
    return t.window().serviceId() == null ? t.window().organizationId() : t.window().serviceId();
  }

  private static CloudEvent event(MaintenanceTransition t) {
    ObjectNode data = JSON.createObjectNode();
    data.put("window", t.window().id());
    data.put("organization", t.window().organizationId());
    data.put("service", t.window().serviceId());
    data.put("title", t.window().title());
    data.put("start", t.occurrence().start().toString());
    data.put("end", t.occurrence().end().toString());
    data.put("event", t.kind().name().toLowerCase(Locale.ROOT));
    return new CloudEvent(
        EnvelopeIds.next(),
        "/maintenance-windows/" + t.window().id(),
        t.kind() == MaintenanceTransition.Kind.STARTED ? STARTED : ENDED,
        t.at(),
        t.window().id(),
        Map.of(EnvelopeTypes.ORGANIZATION, t.window().organizationId()),
        data.toString().getBytes(StandardCharsets.UTF_8));
  }
}
