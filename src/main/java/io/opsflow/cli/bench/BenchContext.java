package io.opsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.fakes.FakeSlackServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * What every scenario gets: the instance under test, the sizes asked for, and bounded waits on the
 * instance's metrics and incident list. Alert keys carry {@code runId}, so a run counts only its
 * own incidents even on an instance that holds others. {@code slack} is the local Slack server the
 * instance posts to (embedded {@code first-slack-message} runs only), or null.
 */
public record BenchContext(
    BenchApi api,
    BenchApi.Integration integration,
    String kafkaBootstrap,
    String runId,
    int alerts,
    int groups,
    int batch,
    int clients,
    int rate,
    int seconds,
    Duration timeout,
    PrintWriter progress,
    FakeSlackServer slack) {

  static final String CONSUMED = "opsflow_records_consumed_total";
  static final String ALERTS_TOPIC = "topic=\"opsflow.alerts\"";

  /** The PagerDuty dedup key of group {@code g}. */
  String dedupKey(int g) {
    return "bench-" + runId + "-g" + g;
  }

  double consumed() throws IOException, InterruptedException {
    return api.metric(CONSUMED, ALERTS_TOPIC);
  }

  /** Waits until the consumer has read at least {@code target} records; returns when it saw it. */
  long awaitConsumed(double target) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (consumed() >= target) {
        return System.nanoTime();
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(
        "timed out after " + timeout.toSeconds() + " s waiting for " + target + " records");
  }

  /** Waits until this run's {@code groups} incidents are listed, and returns them. */
  List<JsonNode> awaitIncidents() throws IOException, InterruptedException {
    return awaitIncidents(false);
  }

  /**
   * Waits until this run's incidents are listed and, with {@code triaged}, until the incident
   * workflow has given each a priority, so that a measurement starts from a settled instance.
   */
  List<JsonNode> awaitIncidents(boolean triaged) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JsonNode> found = List.of();
    while (System.nanoTime() < deadline) {
      found = api.incidents(runId);
      if (found.size() >= groups
          && (!triaged || found.stream().allMatch(i -> i.hasNonNull("priority")))) {
        return found;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "timed out waiting for " + groups + " incidents; " + found.size() + " exist");
  }

  /** Sum of the eventCount of this run's incidents. */
  long events() throws IOException, InterruptedException {
    return api.incidents(runId).stream().mapToLong(i -> i.path("eventCount").asLong()).sum();
  }

  public void say(String line) {
    progress.println(line);
    progress.flush();
  }
}
