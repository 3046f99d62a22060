package io.opsflow.pages;

import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.util.UUID;

/** Users for page tests, created as an admin does: {@code POST /api/v1/users}. */
final class People {
  static final String PASSWORD = "correct horse battery staple";

  private People() {}

  record Person(String id, String email, String organization) {}

  /** A fresh organization name, so tests never see each other's tickets. */
  static String anOrganization() {
    return "org-" + UUID.randomUUID();
  }

  static Person aCustomer(TestApp app, String organization) {
    return create(app, "customer", organization, "Carol Customer");
  }

  static Person anSre(TestApp app, String organization) {
    return create(app, "sre", organization, "Sam SRE");
  }

  static Person create(TestApp app, String role, String organization, String name) {
    String email = role + "-" + UUID.randomUUID() + "@example.com";
    ApiCalls.Resp r =
        app.api()
            .post(
                "/api/v1/users",
                app.adminToken(),
                "{\"email\":\""
                    + email
                    + "\",\"name\":\""
                    + name
                    + "\",\"organization\":\""
                    + organization
                    + "\",\"role\":\""
                    + role
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\"}");
    if (r.status() != 201) {
      throw new IllegalStateException("user create failed: " + r.status() + " " + r.raw());
    }
    return new Person(r.body().path("id").asText(), email, r.body().path("organization").asText());
  }
}
