package io.opsflow.triage;

import io.opsflow.incident.Incident;
import io.opsflow.incident.Triage;
import io.opsflow.incident.TriageFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The services of the configuration in force, in file order; the first that matches wins. */
public record ServiceCatalogue(List<Service> services) {
  public ServiceCatalogue {
    services = List.copyOf(services);
  }

  public static ServiceCatalogue empty() {
    return new ServiceCatalogue(List.of());
  }

  public Optional<Service> find(Map<String, String> attributes) {
    return services.stream().filter(s -> s.match().matches(attributes)).findFirst();
  }

  /**
   * The facts triage decides from: the incident's severity and the zone, tier and id of its
   * service; no service matched leaves those empty.
   *
   * @param attributes the incident's labels and fields, flattened (see {@link ServiceMatch})
   */
  public TriageFacts factsFor(Incident incident, Map<String, String> attributes) {
    String severity = Triage.canonicalSeverity(incident.severity());
    return find(attributes)
        .map(s -> new TriageFacts(severity, s.zone().wireName(), s.tier().wireName(), s.id()))
        .orElseGet(() -> new TriageFacts(severity, "", "", ""));
  }
}
