package io.opsflow.slack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The v0 signature check: valid, tampered, stale, future, and missing requests. */
class SlackSignatureTest {
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final String TS = Long.toString(NOW.getEpochSecond());
  private final SlackSignature slack = new SlackSignature("8f742231b10e8888abcd99yyyzzz85a5");
  private final byte[] body = sampleBody();

  @Test
  void acceptsWhatSlackSigned() {
    String sig = slack.sign(TS, body);
    assertThatCode(() -> slack.verify(body, TS, sig, NOW)).doesNotThrowAnyException();
    assertThatCode(() -> slack.verify(body, TS, sig, NOW.plusSeconds(299)))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesATamperedBody() {
    String sig = slack.sign(TS, body);
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("alice", "mallory")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> slack.verify(tampered, TS, sig, NOW))
        .hasMessageContaining("does not match");
  }

  @Test
  void refusesAnotherSecret() {
    String sig = new SlackSignature("another-secret").sign(TS, body);
    assertThatThrownBy(() -> slack.verify(body, TS, sig, NOW))
        .hasMessageContaining("does not match");
  }

  @Test
  void refusesStaleAndFutureTimestamps() {
    String stale = Long.toString(NOW.minusSeconds(301).getEpochSecond());
    String future = Long.toString(NOW.plusSeconds(301).getEpochSecond());
    assertThatThrownBy(() -> slack.verify(body, stale, slack.sign(stale, body), NOW))
        .hasMessageContaining("5 minutes");
    assertThatThrownBy(() -> slack.verify(body, future, slack.sign(future, body), NOW))
        .hasMessageContaining("5 minutes");
  }

  @Test
  void refusesMissingOrMalformedHeaders() {
    assertThatThrownBy(() -> slack.verify(body, null, "v0=00", NOW))
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> slack.verify(body, TS, null, NOW)).hasMessageContaining("missing");
    assertThatThrownBy(() -> slack.verify(body, "soon", "v0=00", NOW))
        .hasMessageContaining("not a number");
  }

  private static byte[] sampleBody() {
    String sample = Samples.read("slack-slash-command.txt");
    String line =
        sample.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
    return line.getBytes(StandardCharsets.UTF_8);
  }
}
