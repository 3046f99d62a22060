package io.opsflow.escalation.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.service.Service;
import io.opsflow.service.Tier;
import io.opsflow.service.Zone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicesFileTest {
  @TempDir Path dir;

  @Test
  void theShippedServicesLoad() {
    List<ConfigProblem> problems = new ArrayList<>();

    List<Service> services = ServicesFile.read(Path.of("oncall", "services.yaml"), problems);

    assertThat(problems).isEmpty();
    assertThat(services)
        .extracting(Service::id)
        .containsExactly("checkout-staging", "checkout", "db-primary");
    assertThat(services.get(1).zone()).isEqualTo(Zone.GREEN);
    assertThat(services.get(1).tier()).isEqualTo(Tier.GOLD);
    assertThat(services.get(1).organization()).isEqualTo("acme");
  }

  @Test
  void anUnknownZoneTierOrFieldIsRefusedAtItsLine() throws IOException {
    Path file =
        write(
            """
            services:
              - id: checkout
                organization: acme
                zone: amber
                tier: platinum
                colour: blue
                match:
                  source: "db-(.*"
              - id: payments
                zone: green
                tier: gold
            """);

    List<String> problems = problemsOf(file);

    assertThat(problems)
        .anyMatch(p -> p.endsWith(":4: 'zone': green or red expected, got 'amber'"))
        .anyMatch(p -> p.endsWith(":5: 'tier': gold, silver or bronze expected, got 'platinum'"))
        .anyMatch(p -> p.contains(":6: unknown field 'colour'"))
        .anyMatch(p -> p.contains(":8: 'source': bad regular expression"))
        .anyMatch(p -> p.contains(":9: 'match' must give labels"))
        .anyMatch(p -> p.contains(":9: missing field 'organization'"));
  }

  @Test
  void aDuplicateIdWithinAnOrganizationIsRefused() throws IOException {
    Path file =
        write(
            """
            services:
              - {id: checkout, organization: acme, zone: green, tier: gold, match: {source: a}}
              - {id: checkout, organization: acme, zone: red, tier: gold, match: {source: b}}
            """);

    assertThat(problemsOf(file))
        .containsExactly(
            file + ":3: service id 'checkout' of organization 'acme' is already defined at line 2");
  }

  @Test
  void twoOrganizationsMayEachHaveAServiceOfTheSameId() throws IOException {
    Path file =
        write(
            """
            services:
              - {id: checkout, organization: acme, zone: green, tier: gold, match: {source: a}}
              - {id: checkout, organization: globex, zone: red, tier: bronze, match: {source: a}}
            """);
    List<ConfigProblem> problems = new ArrayList<>();

    List<Service> services = ServicesFile.read(file, problems);

    assertThat(problems).isEmpty();
    assertThat(services).extracting(Service::organization).containsExactly("acme", "globex");
  }

  @Test
  void aBadServicesFileRefusesTheWholeConfiguration() throws IOException {
    write(
        "services:\n  - {id: checkout, organization: acme, zone: blue, tier: gold,"
            + " match: {source: x}}\n");

    OnCallLoader.Outcome outcome = OnCallLoader.load(dir, Instant.EPOCH);

    assertThat(outcome.snapshot()).isNull();
    assertThat(outcome.problems()).singleElement().asString().contains("services.yaml:2:");
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("services.yaml"), text);
  }

  private static List<String> problemsOf(Path file) {
    List<ConfigProblem> problems = new ArrayList<>();
    ServicesFile.read(file, problems);
    return problems.stream().map(ConfigProblem::toString).toList();
  }
}
