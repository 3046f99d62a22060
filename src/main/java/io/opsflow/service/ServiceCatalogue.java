package io.opsflow.service;

import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.Triage;
import io.opsflow.incident.model.TriageFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services of the configuration in force, in file order; the first service of the alert's
 * organization that matches wins. A service of another organization never matches, even with the
 * same id or labels.
 */
public record ServiceCatalogue(List<Service> services) {
  public ServiceCatalogue {
    services = List.copyOf(services);
  }

  public static ServiceCatalogue empty() {
    return new ServiceCatalogue(List.of());
  }

  /**
   * @param organization the organization of the alert or incident (its id, a slug)
   */
  public Optional<Service> find(String organization, Map<String, String> attributes) {
    return services.stream()
        .filter(s -> s.organization().equals(organization))
        .filter(s -> s.match().matches(attributes))
        .findFirst();
  }

  /** The service {@code id} of {@code organization}, if configured. */
  public Optional<Service> byId(String organization, String id) {
    return services.stream()
        .filter(s -> s.organization().equals(organization) && s.id().equals(id))
        .findFirst();
  }

  /**
   * The facts triage decides from: the incident's organization and severity and the zone, tier and
   * id of its service among its organization's; no service matched leaves those empty.
   *
   * @param attributes the incident's labels and fields, flattened (see {@link ServiceMatch})
   */
  public TriageFacts factsFor(Incident incident, Map<String, String> attributes) {
    String severity = Triage.canonicalSeverity(incident.severity());
    String organization = incident.organizationId();
    return find(organization, attributes)
        .map(
            s ->
                new TriageFacts(
                    severity, s.zone().wireName(), s.tier().wireName(), s.id(), organization))
        .orElseGet(() -> new TriageFacts(severity, "", "", "", organization));
  }
}
