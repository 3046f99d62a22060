package io.opsflow.cli.bench;

import static io.opsflow.cli.bench.BenchApi.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;

/** The tokens a benchmark creates with the admin token: users and integrations. */
final class BenchTokens {
  private BenchTokens() {}

  static String user(BenchApi api, String adminToken, String name, String organization, String role)
      throws IOException, InterruptedException {
    String body =
        JSON.createObjectNode()
            .put("kind", "user")
            .put("name", name)
            .put("organization", organization)
            .put("role", role)
            .toString();
    HttpResponse<String> r = api.send("/api/v1/tokens", adminToken, body);
    if (r.statusCode() / 100 != 2) {
      throw new IOException("cannot create a user token: " + r.statusCode() + r.body());
    }
    return JSON.readTree(r.body()).path("token").asText();
  }

  static BenchApi.Integration integration(BenchApi api, String adminToken, String name)
      throws IOException, InterruptedException {
    String body =
        JSON.createObjectNode()
            .put("kind", "integration")
            .put("name", name)
            .put("organization", "bench")
            .toString();
    HttpResponse<String> r = api.send("/api/v1/tokens", adminToken, body);
    if (r.statusCode() / 100 != 2) {
      throw new IOException("cannot create an integration token: " + r.statusCode() + r.body());
    }
    JsonNode created = JSON.readTree(r.body());
    String id = created.path("id").asText();
    String org = "bench";
    for (JsonNode t : api.get("/api/v1/tokens").path("items")) {
      if (id.equals(t.path("id").asText()) && t.hasNonNull("organization")) {
        org = t.get("organization").asText();
      }
    }
    return new BenchApi.Integration(id, created.path("token").asText(), org);
  }
}
