package io.opsflow.escalation.config;

import io.opsflow.service.Service;
import io.opsflow.service.ServiceMatch;
import io.opsflow.service.Tier;
import io.opsflow.service.Zone;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The services of {@code services.yaml}: id (unique within its organization), name, organization
 * (required: a service matches the alerts of its own organization only), zone ({@code green}/{@code
 * red}), tier ({@code gold}/{@code silver}/{@code bronze}) and how alerts find them ({@code
 * match}).
 */
final class ServicesFile {
  private static final Set<String> SERVICE_FIELDS =
      Set.of("id", "name", "organization", "zone", "tier", "match");
  private static final Set<String> PATTERN_FIELDS = Set.of("source", "component", "group", "class");
  private static final Set<String> MATCH_FIELDS =
      Set.of("labels", "custom_details", "source", "component", "group", "class");

  private ServicesFile() {}

  static List<Service> read(Path file, List<ConfigProblem> problems) {
    // ids are unique within an organization: two customers may each have a "checkout"
    return IdentifiedList.read(
        file,
        "services",
        ServicesFile::service,
        s -> s.id() + "' of organization '" + s.organization(),
        problems);
  }

  private static Optional<Service> service(Path file, YamlNode item, List<ConfigProblem> problems) {
    if (item.kind != YamlNode.Kind.MAP) {
      problems.add(new ConfigProblem(file, item.line, "a service must be a mapping with an id"));
      return Optional.empty();
    }
    int before = problems.size();
    Fields f = new Fields(item, "", new Fields.Sink(file, problems), SERVICE_FIELDS);
    Optional<String> id = f.text("id", true).filter(s -> !s.isBlank());
    Optional<String> name = f.text("name", false);
    // required: a service only ever matches the alerts of its own organization
    Optional<String> organization = f.text("organization", true).filter(s -> !s.isBlank());
    Optional<Zone> zone = f.parsed("zone", true, "green or red", t -> enumOf(Zone.class, t));
    Optional<Tier> tier =
        f.parsed("tier", true, "gold, silver or bronze", t -> enumOf(Tier.class, t));
    Optional<ServiceMatch> match = match(file, item, problems);
    if (problems.size() > before || id.isEmpty() || organization.isEmpty()) {
      if (problems.size() == before) {
        problems.add(
            new ConfigProblem(
                file,
                item.lineOf(id.isEmpty() ? "id" : "organization"),
                id.isEmpty() ? "service id is blank" : "service organization is blank"));
      }
      return Optional.empty();
    }
    return Optional.of(
        new Service(
            id.get(), name.orElse(null), organization.get(), zone.get(), tier.get(), match.get()));
  }

  private static Optional<ServiceMatch> match(
      Path file, YamlNode service, List<ConfigProblem> problems) {
    YamlNode node = service.fields.get("match");
    if (node == null || node.kind != YamlNode.Kind.MAP || node.fields.isEmpty()) {
      problems.add(
          new ConfigProblem(
              file,
              service.lineOf("match"),
              "'match' must give labels, custom_details or one of " + PATTERN_FIELDS));
      return Optional.empty();
    }
    Fields f = new Fields(node, "match", new Fields.Sink(file, problems), MATCH_FIELDS);
    Map<String, String> labels = new LinkedHashMap<>(exact(file, node, "labels", "", problems));
    labels.putAll(exact(file, node, "custom_details", "custom_details.", problems));
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    for (String field : PATTERN_FIELDS) {
      f.text(field, false)
          .ifPresent(
              regex -> {
                try {
                  patterns.put(field, Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                  problems.add(
                      new ConfigProblem(
                          file,
                          node.lineOf(field),
                          "'" + field + "': bad regular expression: " + e.getDescription()));
                }
              });
    }
    return Optional.of(new ServiceMatch(labels, patterns));
  }

  private static Map<String, String> exact(
      Path file, YamlNode match, String key, String prefix, List<ConfigProblem> problems) {
    YamlNode node = match.fields.get(key);
    Map<String, String> values = new LinkedHashMap<>();
    if (node == null) {
      return values;
    }
    if (node.kind != YamlNode.Kind.MAP) {
      problems.add(new ConfigProblem(file, match.lineOf(key), "'" + key + "' must be a mapping"));
      return values;
    }
    node.fields.forEach(
        (name, value) -> {
          if (value.kind == YamlNode.Kind.SCALAR) {
            values.put(prefix + name, value.text);
          } else {
            problems.add(
                new ConfigProblem(file, node.lineOf(name), "'" + name + "' must be one value"));
          }
        });
    return values;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String text) {
    return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
  }
}
