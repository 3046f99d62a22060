package io.opsflow.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The leading options of {@code ticket} and {@code incident}. */
class CommandOptionsTest {

  @Test
  void priorityAndOrganizationLeadTheText() {
    CommandOptions o =
        CommandOptions.take(List.of("p-0", "org=acme", "Checkout", "is", "down"), "P-1");
    assertThat(o.priority()).isEqualTo("P-0");
    assertThat(o.organization()).isEqualTo("acme");
    assertThat(o.text()).isEqualTo("Checkout is down");
  }

  @Test
  void withoutOptionsTheDefaultsHoldAndLaterWordsStayText() {
    CommandOptions o = CommandOptions.take(List.of("Upgrade", "to", "P-0", "org=x"), "P-2");
    assertThat(o.priority()).isEqualTo("P-2");
    assertThat(o.organization()).isNull();
    assertThat(o.text()).isEqualTo("Upgrade to P-0 org=x");
  }

  @Test
  void anUnknownPriorityIsText() {
    CommandOptions o = CommandOptions.take(List.of("P-3", "outage"), "P-1");
    assertThat(o.priority()).isEqualTo("P-1");
    assertThat(o.text()).isEqualTo("P-3 outage");
  }
}
