package io.opsflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrivateAddressesTest {

  @Test
  void internalTargetsAreRefusedWithTheAddressAndTheWayOut() {
    for (String host :
        new String[] {
          "127.0.0.1",
          "localhost",
          "10.1.2.3",
          "172.16.0.9",
          "192.168.1.1",
          "169.254.169.254",
          "100.64.0.1",
          "0.0.0.0",
          "[::1]",
          "[fd12:3456::1]",
          "[fe80::1]",
          "224.0.0.1"
        }) {
      assertThat(PrivateAddresses.refusal(host.replace("[", "").replace("]", "")))
          .as(host)
          .hasValueSatisfying(
              r ->
                  assertThat(r)
                      .contains("internal address")
                      .contains("OPSFLOW_WEBHOOK_ALLOW_PRIVATE"));
    }
  }

  @Test
  void publicAddressesPass() {
    assertThat(PrivateAddresses.refusal("93.184.215.14")).isEmpty();
    assertThat(PrivateAddresses.refusal("2606:4700::6810:84e5")).isEmpty();
    assertThat(PrivateAddresses.refusal("100.128.0.1")).isEmpty();
    assertThat(PrivateAddresses.refusal("172.32.0.1")).isEmpty();
  }

  @Test
  void aHostThatDoesNotResolveIsRefused() {
    assertThat(PrivateAddresses.refusal("no-such-host.invalid"))
        .contains("host no-such-host.invalid does not resolve");
  }
}
