package io.opsflow.access;

import io.opsflow.db.Audit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Users and audit entries as the API answers them. */
final class UserJson {
  private UserJson() {}

  static Map<String, Object> user(UserStore.UserRow u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("email", u.email());
    m.put("name", u.name());
    m.put("organization", u.organizationId());
    m.put("role", u.role().wire());
    m.put("slackUserId", u.slackUserId());
    m.put("passwordSet", u.passwordHash() != null);
    m.put("createdAt", u.createdAt().toString());
    m.put("disabledAt", u.disabledAt() == null ? null : u.disabledAt().toString());
    return m;
  }

  static Map<String, Object> auditEntry(Audit.Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", e.at().toString());
    m.put("actor", e.actor());
    m.put("organization", e.organizationId());
    m.put("action", e.action());
    m.put("subject", e.subject());
    m.put("detail", e.detail());
    return m;
  }
}
