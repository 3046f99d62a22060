package io.opsflow.service;

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
    assertThat(catalogue.find("acme", Map.of("service", "checkout", "alertname", "HighLatency")))
        .map(Service::id)
        .contains("checkout");
  }

  @Test
  void theFirstMatchingServiceWinsAndEveryConditionMustHold() {
    assertThat(catalogue.find("acme", Map.of("service", "checkout", "env", "staging")))
        .map(Service::id)
        .contains("checkout-staging");
  }

  @Test
  void pagerDutySourceMatchesTheWholeExpression() {
    assertThat(catalogue.find("acme", Map.of("source", "db-primary-3.eu")))
        .map(Service::id)
        .contains("db-primary");
    assertThat(catalogue.find("acme", Map.of("source", "old-db-primary"))).isEmpty();
  }

  @Test
  void pagerDutyCustomDetailsMatch() {
    assertThat(catalogue.find("acme", Map.of("custom_details.team", "billing")))
        .map(Service::id)
        .contains("billing");
  }

  @Test
  void nothingMatchesUnknownAttributesAndAnEmptyMatchMatchesNothing() {
    assertThat(catalogue.find("acme", Map.of("service", "search"))).isEmpty();
    assertThat(new ServiceMatch(Map.of(), Map.of()).matches(Map.of("a", "b"))).isFalse();
  }

  @Test
  void onlyTheServicesOfTheAlertsOrganizationMatch() {
    ServiceCatalogue two =
        new ServiceCatalogue(
            List.of(
                new Service("checkout", "A", "org-a", Zone.GREEN, Tier.GOLD, checkoutLabel()),
                new Service("checkout", "B", "org-b", Zone.RED, Tier.BRONZE, checkoutLabel())));
    Map<String, String> alert = Map.of("service", "checkout");

    assertThat(two.find("org-a", alert)).map(Service::zone).contains(Zone.GREEN);
    assertThat(two.find("org-b", alert)).map(Service::tier).contains(Tier.BRONZE);
    assertThat(two.find("org-c", alert)).isEmpty();
    assertThat(catalogue.find("globex", Map.of("service", "checkout"))).isEmpty();
    assertThat(two.byId("org-b", "checkout")).map(Service::name).contains("B");
    assertThat(two.byId("org-c", "checkout")).isEmpty();
  }

  @Test
  void triageFactsComeFromTheIncidentsOrganizationAndCarryIt() {
    io.opsflow.incident.model.Incident ofAcme = io.opsflow.incident.model.Incidents.aP0Incident();
    Map<String, String> alert = Map.of("service", "checkout");
    ServiceCatalogue others =
        new ServiceCatalogue(
            List.of(new Service("checkout", "B", "org-b", Zone.GREEN, Tier.GOLD, checkoutLabel())));

    assertThat(catalogue.factsFor(ofAcme, alert).service()).isEqualTo("checkout");
    assertThat(catalogue.factsFor(ofAcme, alert).asInputs()).containsEntry("organization", "acme");
    assertThat(others.factsFor(ofAcme, alert).service()).isEmpty();
    assertThat(others.factsFor(ofAcme, alert).zone()).isEmpty();
  }

  private static ServiceMatch checkoutLabel() {
    return labels("service", "checkout");
  }

  private static ServiceMatch labels(String name, String value) {
    return new ServiceMatch(Map.of(name, value), Map.of());
  }

  private static Service aService(String id, Zone zone, ServiceMatch match) {
    return new Service(id, id, "acme", zone, Tier.GOLD, match);
  }
}
