package io.opsflow.access;

import java.time.Instant;
import java.util.Locale;
import org.hibernate.Session;

/** Organization ids: readable slugs of their names, the organization created on first use. */
public final class OrganizationIds {
  private OrganizationIds() {}

  /** The id of the organization named {@code name}, created on first use. */
  static String of(Session s, String name) {
    String id = slug(name);
    if (s.find(OrganizationRow.class, id) == null) {
      s.persist(new OrganizationRow(id, name, Instant.now()));
    }
    return id;
  }

  /** Whether {@code named} (an organization's id or name) is organization {@code id}. */
  public static boolean names(String named, String id) {
    if (named == null || id == null) {
      return false;
    }
    try {
      return named.trim().equals(id) || slug(named).equals(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** "Acme Corp" is "acme-corp". */
  public static String slug(String name) {
    String slug =
        name.trim()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (slug.isEmpty()) {
      throw new IllegalArgumentException("organization name has no letters or digits");
    }
    return slug.length() > 64 ? slug.substring(0, 64) : slug;
  }
}
