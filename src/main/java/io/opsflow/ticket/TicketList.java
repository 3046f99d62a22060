package io.opsflow.ticket;

import io.opsflow.db.Database;
import io.opsflow.db.Page;
import io.opsflow.db.PageCursor;
import io.opsflow.db.Sql;
import io.opsflow.ticket.TicketQueries.Filter;
import io.opsflow.ticket.model.Ticket;
import java.util.ArrayList;
import java.util.List;

/** The ticket list query: the filters as SQL, paged by keyset, newest first. */
final class TicketList {
  private TicketList() {}

  static Page<Ticket> read(Database db, String scope, Filter f, int limit, String cursor) {
    StringBuilder sql =
        new StringBuilder("select " + TicketStore.COLUMNS + " from ticket where 1=1");
    List<Object> p = new ArrayList<>();
    if (scope != null) {
      sql.append(" and organization_id = ?");
      p.add(scope);
    }
    if (f.organizationId() != null) {
      sql.append(" and organization_id = ?");
      p.add(f.organizationId());
    }
    if (f.status() != null) {
      sql.append(" and status = ?");
      p.add(f.status().wire());
    }
    if (Boolean.TRUE.equals(f.open())) {
      sql.append(" and status not in ('resolved', 'closed')");
    }
    if (f.priority() != null) {
      sql.append(" and priority = ?");
      p.add(f.priority());
    }
    if (f.assigneeId() != null) {
      if (f.assigneeId().equals("none")) {
        sql.append(" and assignee_id is null");
      } else {
        sql.append(" and assignee_id = ?");
        p.add(f.assigneeId());
      }
    }
    if (f.requesterEmail() != null) {
      sql.append(" and lower(requester_email) = ?");
      p.add(f.requesterEmail().toLowerCase(java.util.Locale.ROOT));
    }
    if (f.text() != null && !f.text().isBlank()) {
      sql.append(" and (lower(subject) like ? or reference = ?)");
      p.add("%" + f.text().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%");
      p.add(f.text().trim().toUpperCase(java.util.Locale.ROOT));
    }
    PageCursor after = PageCursor.decode(cursor);
    if (after != null) {
      sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
      p.add(after.at());
      p.add(after.at());
      p.add(after.id());
    }
    sql.append(" order by created_at desc, id desc fetch first ")
        .append(limit + 1)
        .append(" rows only");
    List<Ticket> rows = Sql.query(db, sql.toString(), TicketStore::row, p.toArray());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      Ticket last = rows.get(limit - 1);
      next = new PageCursor(last.createdAt(), last.id()).encode();
    }
    return new Page<>(List.copyOf(rows), next);
  }
}
