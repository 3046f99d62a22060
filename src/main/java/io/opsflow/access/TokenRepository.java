package io.opsflow.access;

import io.opsflow.db.Database;
import io.opsflow.db.Page;
import io.opsflow.db.PageCursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** API tokens and the organizations they are bound to. Only hashes of secrets are stored. */
public final class TokenRepository implements Organizations, IssuedTokens {
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
          String orgId = organization == null ? null : OrganizationIds.of(s, organization);
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

  @Override
  public boolean exists(String id) {
    return organization(id).isPresent();
  }

  @Override
  public Optional<String> idOf(String organizationId, String kind, String name) {
    String cursor = null;
    do {
      Page<TokenRow> page = list(organizationId, 1000, cursor);
      for (TokenRow row : page.items()) {
        if (kind.equals(row.kind()) && name.equals(row.name())) {
          return Optional.of(row.id());
        }
      }
      cursor = page.next();
    } while (cursor != null);
    return Optional.empty();
  }

  /** The id of the organization named {@code name}, created on first use. */
  public static String organizationIdOf(Session s, String name) {
    return OrganizationIds.of(s, name);
  }

  /** Whether {@code named} (an organization's id or name) is organization {@code id}. */
  public static boolean names(String named, String id) {
    return OrganizationIds.names(named, id);
  }

  /** Organization ids are readable slugs of their names: "Acme Corp" is "acme-corp". */
  public static String slug(String name) {
    return OrganizationIds.slug(name);
  }
}
