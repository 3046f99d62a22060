package io.opsflow.incident;

import io.opsflow.db.Page;
import io.opsflow.db.PageCursor;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentStatus;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/** One page of incidents by keyset (newest first), never by offset. */
final class IncidentPage {
  private IncidentPage() {}

  static Page<Incident> read(
      Session s, String orgScope, IncidentStatus status, int limit, String cursor) {
    StringBuilder hql = new StringBuilder("from Incident i where 1 = 1");
    if (orgScope != null) {
      hql.append(" and i.organizationId = :org");
    }
    if (status != null) {
      hql.append(" and i.status = :status");
    }
    PageCursor after = PageCursor.decode(cursor);
    if (after != null) {
      hql.append(" and (i.openedAt < :at or (i.openedAt = :at and i.id < :id))");
    }
    hql.append(" order by i.openedAt desc, i.id desc");
    SelectionQuery<Incident> q = s.createSelectionQuery(hql.toString(), Incident.class);
    if (orgScope != null) {
      q.setParameter("org", orgScope);
    }
    if (status != null) {
      q.setParameter("status", status);
    }
    if (after != null) {
      q.setParameter("at", after.at()).setParameter("id", after.id());
    }
    List<Incident> rows = q.setMaxResults(limit + 1).getResultList();
    if (rows.size() <= limit) {
      return new Page<>(rows, null);
    }
    List<Incident> page = rows.subList(0, limit);
    Incident last = page.get(limit - 1);
    return new Page<>(List.copyOf(page), new PageCursor(last.openedAt(), last.id()).encode());
  }
}
