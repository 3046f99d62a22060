package io.opsflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code OPSFLOW_TICKET_PAGE_PRIORITIES}: P-0 unless set; empty or {@code none} pages never. */
class TicketPagePrioritiesTest {
  private static TicketsConfig tickets(Map<String, String> env) {
    return new ConfigLoader(env).load().tickets();
  }

  @Test
  void p0TicketsPageByDefault() {
    assertThat(tickets(Map.of("OPSFLOW_CONFIG", "no-such.yaml")).ticketPagePriorities())
        .containsExactly("P-0");
  }

  @Test
  void anEmptyListOrNonePagesNever() {
    assertThat(
            tickets(Map.of("OPSFLOW_CONFIG", "no-such.yaml", "OPSFLOW_TICKET_PAGE_PRIORITIES", ""))
                .ticketPagePriorities())
        .isEmpty();
    assertThat(
            tickets(
                    Map.of(
                        "OPSFLOW_CONFIG", "no-such.yaml", "OPSFLOW_TICKET_PAGE_PRIORITIES", "none"))
                .ticketPagePriorities())
        .isEmpty();
  }

  @Test
  void aListOfPrioritiesIsReadAndABadOneRefusedWithTheReason() {
    assertThat(
            tickets(
                    Map.of(
                        "OPSFLOW_CONFIG",
                        "no-such.yaml",
                        "OPSFLOW_TICKET_PAGE_PRIORITIES",
                        "p-0, P-1"))
                .ticketPagePriorities())
        .containsExactlyInAnyOrder("P-0", "P-1");
    assertThatThrownBy(
            () ->
                tickets(
                    Map.of(
                        "OPSFLOW_CONFIG",
                        "no-such.yaml",
                        "OPSFLOW_TICKET_PAGE_PRIORITIES",
                        "urgent")))
        .hasMessageContaining("OPSFLOW_TICKET_PAGE_PRIORITIES")
        .hasMessageContaining("'urgent'");
  }
}
