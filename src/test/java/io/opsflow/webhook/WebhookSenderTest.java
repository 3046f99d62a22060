package io.opsflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against a local receiver: headers, outcomes and the receiver's Retry-After. */
class WebhookSenderTest {
  private final WebhookReceiver receiver = new WebhookReceiver();
  private final WebhookSender sender = new WebhookSender(Duration.ofSeconds(10), true);

  @AfterEach
  void stop() {
    receiver.close();
  }

  private WebhookSender.Outcome send() {
    return sender
        .send(
            new WebhookSender.Delivery(
                receiver.url(), "whd_1", "incident.triggered", "{\"a\":1}", List.of("s")),
            42)
        .join();
  }

  @Test
  void a2xxIsDeliveredAndTheRequestCarriesTheHeaders() {
    assertThat(send().delivered()).isTrue();
    WebhookReceiver.Received r = receiver.received().get(0);
    assertThat(r.deliveryId()).isEqualTo("whd_1");
    assertThat(r.event()).isEqualTo("incident.triggered");
    assertThat(r.body()).isEqualTo("{\"a\":1}");
    assertThat(r.signature())
        .isEqualTo(WebhookSignature.header(42, "{\"a\":1}".getBytes(), List.of("s")));
  }

  @Test
  void retryAfterIsHonouredOn429And503Only() {
    receiver.failNext(3);
    receiver.failWith(429, "7");
    assertThat(send().retryAfter()).contains(Duration.ofSeconds(7));
    receiver.failWith(503, "2");
    WebhookSender.Outcome o = send();
    assertThat(o.delivered()).isFalse();
    assertThat(o.error()).isEqualTo("HTTP 503");
    assertThat(o.retryAfter()).contains(Duration.ofSeconds(2));
    receiver.failWith(500, "9");
    assertThat(send().retryAfter()).isEqualTo(Optional.empty());
  }

  @Test
  void anUnreachableReceiverIsAFailureNotAnException() {
    receiver.close();
    WebhookSender.Outcome o = send();
    assertThat(o.delivered()).isFalse();
    assertThat(o.error()).contains("ConnectException");
  }
}
