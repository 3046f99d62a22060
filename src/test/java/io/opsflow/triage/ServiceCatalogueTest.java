package io.opsflow.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServiceCatalogueTest {
  private final ServiceCatalogue catalogue =
      new ServiceCatalogue(
          List.of(
              aService(
                  "checkout-staging",
                  Zone.RED,
                  new ServiceMatch(Map.of("service", "checkout", "env", "staging"), Map.of())),
              aService("checkout", Zone.GREEN, labels("service", "checkout")),
              aService(
                  "db-primary",
                  Zone.GREEN,
                  new ServiceMatch(Map.of(), Map.of("source", Pattern.compile("db-primary.*")))),
              aService("billing", Zone.GREEN, labels("custom_details.team", "billing"))));

  @Test
  void alertmanagerLabelsFindTheService() {
    assertThat(catalogue.find(Map.of("service", "checkout", "alertname", "HighLatency")))
        .map(Service::id)
        .contains("checkout");
  }

  @Test
  void theFirstMatchingServiceWinsAndEveryConditionMustHold() {
    assertThat(catalogue.find(Map.of("service", "checkout", "env", "staging")))
        .map(Service::id)
        .contains("checkout-staging");
  }

  @Test
  void pagerDutySourceMatchesTheWholeExpression() {
    assertThat(catalogue.find(Map.of("source", "db-primary-3.eu")))
        .map(Service::id)
        .contains("db-primary");
    assertThat(catalogue.find(Map.of("source", "old-db-primary"))).isEmpty();
  }

  @Test
  void pagerDutyCustomDetailsMatch() {
    assertThat(catalogue.find(Map.of("custom_details.team", "billing")))
        .map(Service::id)
        .contains("billing");
  }

  @Test
  void nothingMatchesUnknownAttributesAndAnEmptyMatchMatchesNothing() {
    assertThat(catalogue.find(Map.of("service", "search"))).isEmpty();
    assertThat(new ServiceMatch(Map.of(), Map.of()).matches(Map.of("a", "b"))).isFalse();
  }

  private static ServiceMatch labels(String name, String value) {
    return new ServiceMatch(Map.of(name, value), Map.of());
  }

  private static Service aService(String id, Zone zone, ServiceMatch match) {
    return new Service(id, id, "acme", zone, Tier.GOLD, match);
  }
}
