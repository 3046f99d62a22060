package io.opsflow.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsflow.fakes.FakeSlackServer;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code first-slack-message}: a steady rate of PagerDuty triggers over HTTP, each with a dedup key
 * of its own, so each opens a new incident; severity critical and no matching service triage it to
 * P-0, which opens a war room. An alert's latency runs from its send (before the POST) to the
 * arrival at the local Slack server of the first {@code chat.postMessage} into its incident's
 * channel. The alert's number is in its summary, hence in the slug of the channel name ({@code
 * inc-<id>-bench-<run>-a<k>}), which maps a post back to its send. The arrival of the channel's
 * {@code conversations.create} is reported too (roomCreate*), splitting intake and triage from the
 * effect outbox. A warm-up of {@link #WARMUP} alerts (awaited, not counted) goes first.
 */
final class FirstSlackMessage {
  static final int WARMUP = 100;

  private FirstSlackMessage() {}

  static BenchResult run(BenchContext c) throws Exception {
    FakeSlackServer slack = c.slack();
    if (slack == null) {
      throw new IllegalArgumentException(
          "first-slack-message needs the local Slack server of an embedded run; drop --url");
    }
    int total = c.rate() * c.seconds();
    int warm = Math.min(WARMUP, total);
    Pattern channel =
        Pattern.compile("^inc-[0-9a-f]{12}-bench-" + c.runId() + "-([wa])(\\d+)(?:-.*)?$");
    AtomicLongArray first = new AtomicLongArray(total);
    AtomicLongArray warmFirst = new AtomicLongArray(warm);
    AtomicInteger arrived = new AtomicInteger();
    AtomicInteger warmArrived = new AtomicInteger();
    Set<String> known = ConcurrentHashMap.newKeySet();
    slack.onPost(
        call -> {
          String id = call.params().get("channel");
          if (id == null || known.contains(id)) {
            return;
          }
          Optional<FakeSlackServer.Channel> ch = slack.channel(id);
          Matcher m = ch.isPresent() ? channel.matcher(ch.get().name()) : null;
          if (m == null || !m.matches()) {
            return;
          }
          known.add(id);
          int k = Integer.parseInt(m.group(2));
          boolean warmup = m.group(1).equals("w");
          AtomicLongArray times = warmup ? warmFirst : first;
          if (k < times.length() && times.compareAndSet(k, 0, call.nanoTime())) {
            (warmup ? warmArrived : arrived).incrementAndGet();
          }
        });
    try {
      return FirstSlackMeasure.measure(c, total, warm, first, warmArrived, arrived);
    } finally {
      slack.onPost(null);
    }
  }

  /** When each measured alert's conversations.create arrived (0: never), from the Slack calls. */
  static long[] roomsCreated(BenchContext c, int total) {
    Pattern name = Pattern.compile("^inc-[0-9a-f]{12}-bench-" + c.runId() + "-a(\\d+)(?:-.*)?$");
    long[] at = new long[total];
    for (FakeSlackServer.Call call : c.slack().calls("conversations.create")) {
      Matcher m = name.matcher(call.params().getOrDefault("name", ""));
      if (m.matches()) {
        int k = Integer.parseInt(m.group(1));
        if (k < total && at[k] == 0) {
          at[k] = call.nanoTime();
        }
      }
    }
    return at;
  }

  static void await(BenchContext c, AtomicInteger count, int target, long deadline)
      throws InterruptedException {
    int reported = -1;
    long nextReport = System.nanoTime();
    while (count.get() < target && System.nanoTime() < deadline) {
      if (System.nanoTime() >= nextReport && count.get() != reported) {
        reported = count.get();
        c.say(reported + " of " + target + " first messages");
        nextReport = System.nanoTime() + 5_000_000_000L;
      }
      Thread.sleep(20);
    }
  }

  static boolean post(BenchContext c, String body) {
    try {
      return c.api().post("/api/v1/events", null, body) == 202;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * A critical PagerDuty trigger with a dedup key of its own; the summary starts with the run and
   * the alert's number, which become the slug of its war room's channel name.
   */
  static String alert(BenchContext c, String phase, int k) {
    String key = "bench-" + c.runId() + "-" + phase + k;
    ObjectNode payload =
        BenchApi.JSON
            .createObjectNode()
            .put("summary", "bench " + c.runId() + " " + phase + k + " checkout down")
            .put("source", key + ".bench.example.invalid")
            .put("severity", "critical")
            .put("component", "checkout")
            .put("group", "bench");
    ObjectNode event =
        BenchApi.JSON
            .createObjectNode()
            .put("routing_key", c.integration().token())
            .put("event_action", "trigger")
            .put("dedup_key", key);
    event.set("payload", payload);
    return event.toString();
  }
}
