package io.opsflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The CloudEvents 1.0 envelope on opsflow's topics. */
class CloudEventTest {

  @Test
  void theRawPayloadTravelsUnchanged() {
    String raw = "{\"b\": 1,  \"a\": [true, null, \"x\"], \"unknown_field\": {\"k\": 2.50}}";
    CloudEvent event =
        new CloudEvent(
            EnvelopeIds.next(),
            "/integrations/i-1",
            "io.opsflow.alert.pagerduty.v2",
            Instant.parse("2026-11-23T08:00:00Z"),
            "dedup-1",
            Map.of("integrationid", "i-1", "organizationid", "acme"),
            raw.getBytes(StandardCharsets.UTF_8));
    String encoded = new String(event.encode(), StandardCharsets.UTF_8);
    assertThat(encoded).contains("\"data\":" + raw).contains("\"specversion\":\"1.0\"");

    CloudEvent.Parsed parsed = CloudEvent.decode(event.encode());
    assertThat(parsed.id()).isEqualTo(event.id());
    assertThat(parsed.subject()).isEqualTo("dedup-1");
    assertThat(parsed.time()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
    assertThat(parsed.extension("organizationid")).isEqualTo("acme");
    assertThat(parsed.data().path("unknown_field").path("k").decimalValue())
        .isEqualByComparingTo("2.5");
  }

  @Test
  void badEnvelopesAreRefusedWithTheirReason() {
    assertThatThrownBy(() -> CloudEvent.decode("nope".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> CloudEvent.decode(null)).hasMessageContaining("no value");
    assertThatThrownBy(() -> decode("{\"specversion\":\"0.3\"}")).hasMessageContaining("1.0");
    assertThatThrownBy(
            () -> decode("{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"s\",\"data\":{}}"))
        .hasMessageContaining("'id'");
    assertThatThrownBy(
            () ->
                decode(
                    "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"t\",\"source\":\"s\","
                        + "\"time\":\"yesterday\",\"data\":{}}"))
        .hasMessageContaining("RFC 3339");
    assertThatThrownBy(
            () ->
                decode(
                    "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"t\",\"source\":\"s\","
                        + "\"time\":\"2026-11-23T08:00:00Z\"}"))
        .hasMessageContaining("no data");
    assertThatThrownBy(() -> decode("[1,2]")).hasMessageContaining("not a JSON object");
  }

  @Test
  void envelopeIdsAreUniqueAndTimeOrdered() {
    String a = EnvelopeIds.next();
    String b = EnvelopeIds.next();
    assertThat(UUID.fromString(a).version()).isEqualTo(7);
    assertThat(a).isNotEqualTo(b);
    assertThat(UUID.fromString(a).getMostSignificantBits())
        .isLessThan(UUID.fromString(b).getMostSignificantBits());
  }

  private static CloudEvent.Parsed decode(String s) {
    return CloudEvent.decode(s.getBytes(StandardCharsets.UTF_8));
  }
}
