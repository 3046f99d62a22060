package io.opsflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final byte[] BODY = "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void headerCarriesTheTimestampAndTheHmacOfTimestampDotBody() {
    // reference value: printf '1700000000.{"id":"e-1"}' | openssl dgst -sha256 -hmac secret
    assertThat(WebhookSignature.header(1_700_000_000L, BODY, List.of("secret")))
        .isEqualTo("t=1700000000,v1=" + WebhookSignature.hmacHex("secret", 1_700_000_000L, BODY))
        .matches("t=1700000000,v1=[0-9a-f]{64}");
    assertThat(WebhookSignature.hmacHex("secret", 1_700_000_000L, BODY))
        .isEqualTo("694f7c27e87ac0c32102b1e696bf7c5be087142b1c05b79248a53fb0ce6e1d67");
  }

  @Test
  void duringRotationEachSecretSignsNewestFirst() {
    String h = WebhookSignature.header(5, BODY, List.of("new", "old"));
    assertThat(h)
        .isEqualTo(
            "t=5,v1="
                + WebhookSignature.hmacHex("new", 5, BODY)
                + ",v1="
                + WebhookSignature.hmacHex("old", 5, BODY));
    assertThat(WebhookSignature.hmacHex("new", 5, BODY))
        .isNotEqualTo(WebhookSignature.hmacHex("old", 5, BODY))
        .isNotEqualTo(WebhookSignature.hmacHex("new", 6, BODY));
  }

  @Test
  void noSecretNoSignature() {
    assertThatThrownBy(() -> WebhookSignature.header(5, BODY, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void backoffDoublesFromTheFirstRetryUpToAnHour() {
    WebhookPolicy p = WebhookPolicy.standard();
    assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.delayAfter(5)).isEqualTo(Duration.ofSeconds(480));
    assertThat(p.delayAfter(8)).isEqualTo(Duration.ofHours(1));
    assertThat(p.delayAfter(400)).isEqualTo(Duration.ofHours(1));
    assertThat(p.giveUpAfter()).isEqualTo(Duration.ofHours(48));
  }
}
