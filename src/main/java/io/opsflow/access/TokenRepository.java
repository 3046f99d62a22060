package io.opsflow.access;

import io.opsflow.db.Database;
import io.opsflow.db.Page;
import io.opsflow.db.PageCursor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** API tokens and the organizations they are bound to. Only hashes of secrets are stored. */
public final class TokenRepository {
  private final Database db;

  public TokenRepository(Database db) {
    this.db = db;
  }

  public Optional<TokenRow> findByHash(String tokenHash) {
    return db.inTransaction(
        s ->
            s.createSelectionQuery("from TokenRow where tokenHash = :h", TokenRow.class)
                .setParameter("h", tokenHash)
                .getResultStream()
                .findFirst());
  }

  /** Stores a new token; the organization is created on first use of its name. */
  public TokenRow create(
      String kind, String name, String organization, String role, String hash, String hint) {
    return db.inTransaction(
        s -> {
          String orgId = organization == null ? null : organizationId(s, organization);
          TokenRow row =
              new TokenRow(
                  UUID.randomUUID().toString(), kind, name, orgId, role, hash, hint, Instant.now());
          s.persist(row);
          return row;
        });
  }

  /** Lists tokens, oldest first: all of them for an admin ({@code organizationId} null). */
  public Page<TokenRow> list(String organizationId, int limit, String cursor) {
    PageCursor after = PageCursor.decode(cursor);
    return db.inTransaction(
        s -> {
          StringBuilder hql = new StringBuilder("from TokenRow t where 1 = 1");
          if (organizationId != null) {
            hql.append(" and t.organizationId = :o");
          }
          if (after != null) {
            hql.append(" and (t.createdAt > :at or (t.createdAt = :at and t.id > :id))");
          }
          hql.append(" order by t.createdAt, t.id");
          var q = s.createSelectionQuery(hql.toString(), TokenRow.class);
          if (organizationId != null) {
            q.setParameter("o", organizationId);
          }
          if (after != null) {
            q.setParameter("at", after.at()).setParameter("id", after.id());
          }
          List<TokenRow> rows = q.setMaxResults(limit + 1).getResultList();
          if (rows.size() <= limit) {
            return new Page<>(rows, null);
          }
          TokenRow last = rows.get(limit - 1);
          return new Page<>(
              List.copyOf(rows.subList(0, limit)),
              new PageCursor(last.createdAt(), last.id()).encode());
        });
  }

  /** Revokes a token in the caller's scope; returns it, or empty when not found there. */
  public Optional<TokenRow> revoke(String id, String organizationId) {
    return db.inTransaction(
        s -> {
          TokenRow row = s.find(TokenRow.class, id);
          if (row == null
              || (organizationId != null && !organizationId.equals(row.organizationId()))) {
            return Optional.empty();
          }
          row.revoke(Instant.now());
          return Optional.of(row);
        });
  }

  public Optional<OrganizationRow> organization(String id) {
    return db.inTransaction(s -> Optional.ofNullable(s.find(OrganizationRow.class, id)));
  }

  /** The id of the organization named {@code name}, created on first use. */
  public static String organizationIdOf(Session s, String name) {
    return organizationId(s, name);
  }

  private static String organizationId(Session s, String name) {
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

  /** Organization ids are readable slugs of their names: "Acme Corp" is "acme-corp". */
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
