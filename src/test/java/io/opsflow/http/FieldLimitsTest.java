package io.opsflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Text longer than its documented limit (docs/api-limits.md) is a 400 naming the field and the
 * limit, checked before anything is written: never a database error.
 */
class FieldLimitsTest {
  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();

  private void refused(ApiCalls.Resp r, String detail) {
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.body().path("detail").asText()).isEqualTo(detail);
  }

  private static String user(String email, String name, String org, String slack) {
    return "{\"email\":\""
        + email
        + "\",\"role\":\"customer\",\"name\":\""
        + name
        + "\",\"organization\":\""
        + org
        + "\",\"slackUserId\":\""
        + slack
        + "\"}";
  }

  @Test
  void usersWithOverlongFieldsOrAnOrganizationWithoutLettersAre400AndNotCreated() {
    String admin = app.adminToken();
    String org = "org-" + UUID.randomUUID();
    String mail = "long-" + UUID.randomUUID() + "@example.com";
    String k = "x".repeat(1000);
    refused(
        api.post("/api/v1/users", admin, user(mail, k, org, "U1")),
        "name must be at most 180 characters");
    refused(
        api.post("/api/v1/users", admin, user(mail, "N", k, "U1")),
        "organization must be at most 200 characters");
    refused(
        api.post("/api/v1/users", admin, user(mail, "N", org, k)),
        "slackUserId must be at most 40 characters");
    refused(
        api.post("/api/v1/users", admin, user(mail, "N", "!!! ---", "U1")),
        "organization must contain a letter or digit");
    ApiCalls.Resp created = api.post("/api/v1/users", admin, user(mail, "N", org, "U1"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);

    refused(
        api.post(
            "/api/v1/tokens",
            admin,
            "{\"kind\":\"integration\",\"name\":\"" + k + "\",\"organization\":\"" + org + "\"}"),
        "name must be at most 180 characters");
    refused(
        api.post(
            "/api/v1/tokens",
            admin,
            "{\"kind\":\"integration\",\"name\":\"am\",\"organization\":\"***\"}"),
        "organization must contain a letter or digit");
  }

  @Test
  void ticketsRefuseLongSubjectsTooManyWatchersAndBadAttachments() {
    TestApp.Tenant t = app.aCustomerOrg();
    refused(
        api.post("/api/v1/tickets", t.sre(), "{\"subject\":\"" + "s".repeat(301) + "\"}"),
        "subject must be at most 300 characters");
    List<String> watchers = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      watchers.add("\"w" + i + "@example.com\"");
    }
    refused(
        api.post(
            "/api/v1/tickets",
            t.sre(),
            "{\"subject\":\"many\",\"watchers\":[" + String.join(",", watchers) + "]}"),
        "watchers must be at most 50 addresses");
    String file = "\"filename\":\"" + "f".repeat(256) + ".txt\",\"content\":\"aGVsbG8=\"";
    refused(
        api.post(
            "/api/v1/tickets", t.sre(), "{\"subject\":\"file\",\"attachments\":[{" + file + "}]}"),
        "filename must be at most 255 characters");
    ApiCalls.Resp notBase64 =
        api.post(
            "/api/v1/tickets",
            t.sre(),
            "{\"subject\":\"file\",\"attachments\":[{\"filename\":\"a.txt\","
                + "\"content\":\"this is not base64!\"}]}");
    refused(notBase64, "attachment a.txt is not base64");
    ApiCalls.Resp wrapped =
        api.post(
            "/api/v1/tickets",
            t.sre(),
            "{\"subject\":\"file\",\"attachments\":[{\"filename\":\"a.txt\","
                + "\"content\":\"aGVs\\r\\nbG8=\"}]}");
    assertThat(wrapped.status()).as(wrapped.raw()).isEqualTo(202);
  }

  @Test
  void maintenanceWindowsWebhooksAndReportsRefuseLongTextAndFarYears() {
    TestApp.Tenant t = app.aCustomerOrg();
    String path = "/api/v1/maintenance-windows";
    refused(
        api.post(
            path,
            t.sre(),
            "{\"title\":\""
                + "t".repeat(501)
                + "\",\"start\":\"2027-06-10T12:00:00Z\",\"end\":\"2027-06-10T13:00:00Z\"}"),
        "title must be at most 500 characters");
    refused(
        api.post(
            path,
            t.sre(),
            "{\"title\":\"far\",\"start\":\"+99999-06-10T12:00:00Z\","
                + "\"end\":\"+99999-06-10T13:00:00Z\"}"),
        "start must be in the years 2000 to 2999");
    refused(
        api.post(
            path,
            t.sre(),
            "{\"title\":\"far\",\"rrule\":\"FREQ=WEEKLY\",\"dtstart\":\"+99999-03-22T02:30\","
                + "\"zone\":\"UTC\",\"duration\":\"PT2H\"}"),
        "dtstart must be in the years 2000 to 2999");
    refused(
        api.get("/api/v1/reports/sla?month=%2B99999-01", t.sre()),
        "month must be in the years 2000 to 2999");
    refused(
        api.get("/api/v1/reports/uptime?service=s&month=%2B99999-01", t.sre()),
        "month must be in the years 2000 to 2999");
    refused(
        api.post(
            "/api/v1/webhooks",
            app.adminToken(),
            "{\"url\":\"https://hooks.example.com/" + "p".repeat(2000) + "\",\"events\":[\"*\"]}"),
        "url must be at most 2000 characters");
  }

  @Test
  void heartbeatsRefuseUnknownSettings() {
    TestApp.Tenant t = app.aCustomerOrg();
    ApiCalls.Resp r =
        api.post("/api/v1/heartbeats/nightly", t.integration(), "{\"intervall\":\"PT10M\"}");
    assertThat(r.status()).as(r.raw()).isEqualTo(400);
    assertThat(r.body().path("detail").asText()).contains("unknown field 'intervall'");
    assertThat(api.get("/api/v1/heartbeats", t.sre()).body().path("items")).isEmpty();
  }

  @Test
  void aCursorThisServerDidNotIssueIs400OnEveryList() {
    TestApp.Tenant t = app.aCustomerOrg();
    for (String list :
        List.of(
            "/api/v1/incidents",
            "/api/v1/tickets",
            "/api/v1/mail/quarantine",
            "/api/v1/users",
            "/api/v1/audit",
            "/api/v1/maintenance-windows",
            "/api/v1/heartbeats")) {
      for (String cursor : List.of("garbage", "Z2FyYmFnZQ", "not a cursor")) {
        refused(
            api.get(list + "?cursor=" + cursor.replace(" ", "%20"), t.sre()),
            "cursor is not valid");
      }
    }
    for (String list : List.of("/api/v1/tokens", "/api/v1/webhooks")) {
      refused(api.get(list + "?cursor=garbage", app.adminToken()), "cursor is not valid");
    }
  }
}
