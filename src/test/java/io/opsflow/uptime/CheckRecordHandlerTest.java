package io.opsflow.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.db.Database;
import io.opsflow.intake.EnvelopeTypes;
import io.opsflow.intake.Envelopes;
import io.opsflow.kafka.CloudEvent;
import io.opsflow.kafka.RecordHandler;
import io.opsflow.kafka.Topics;
import io.opsflow.testing.TestApp;
import io.opsflow.uptime.model.CheckResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class CheckRecordHandlerTest {
  private final Database db = TestApp.shared().app().database();

  private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
    return new ConsumerRecord<>(
        Topics.CHECKS, 0, offset, "svc".getBytes(StandardCharsets.UTF_8), value);
  }

  @Test
  void aResultReadTwiceIsStoredOnceAndAnUndecodableRecordIsRefused() {
    String org = "org-" + UUID.randomUUID();
    CheckResult r =
        new CheckResult(
            "http", "search", false, Instant.parse("2026-06-01T12:00:00Z"), 7L, "HTTP 503");
    CloudEvent event =
        Envelopes.of(
            EnvelopeTypes.CHECK_RESULT,
            new Envelopes.Sender("int-1", "probe", org),
            "search",
            CheckResultFormat.write(r));
    CheckRecordHandler handler = new CheckRecordHandler("test-checks-" + UUID.randomUUID(), db);

    List<RecordHandler.Rejected> first =
        handler.handle(
            List.of(record(0, event.encode()), record(1, "nope".getBytes(StandardCharsets.UTF_8))));
    List<RecordHandler.Rejected> replay = handler.handle(List.of(record(0, event.encode())));

    assertThat(first).singleElement().satisfies(x -> assertThat(x.reason()).contains("not JSON"));
    assertThat(replay).isEmpty();
    List<CheckResult> stored =
        new CheckResultStore(db)
            .results(
                org,
                "search",
                Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-06-02T00:00:00Z"));
    assertThat(stored).containsExactly(r);
  }
}
