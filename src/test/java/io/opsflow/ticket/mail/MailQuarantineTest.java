package io.opsflow.ticket.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mail that does not parse goes to the quarantine, changes no ticket, is listed (without its
 * source) and shown (with it) to the SREs of the sender's organization only, and can be released:
 * processed again, taking a broken body as text.
 */
@ExtendWith(MailApp.Lease.class)
class MailQuarantineTest {
  private final MailApp app = MailApp.shared();
  private final ApiCalls api = app.api;

  private static String broken(String from, String token) {
    return (from == null ? "" : "From: Carol <" + from + ">\n")
        + "To: "
        + MailApp.SUPPORT
        + "\nSubject: Broken "
        + token
        + "\nMessage-ID: <broken-"
        + token
        + "@acme.example>\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/mixed; boundary=\"XYZ\"\n\n"
        + "The upload page shows error 413 "
        + token
        + ".\n";
  }

  @Test
  void aMalformedMailIsQuarantinedListedAndReleased() throws Exception {
    MailApp.Customer c = app.aCustomer();
    MailApp.Customer other = app.aCustomer();
    String token = UUID.randomUUID().toString().substring(0, 8);
    app.mail.sendRaw(broken(c.email(), token), c.email(), MailApp.SUPPORT);

    JsonNode items =
        api.await("/api/v1/mail/quarantine", c.sre(), b -> b.path("items").size() == 1)
            .path("items");
    JsonNode item = items.get(0);
    String id = item.path("id").asText();
    assertThat(item.path("sender").asText()).isEqualTo(c.email());
    assertThat(item.path("subject").asText()).isEqualTo("Broken " + token);
    assertThat(item.path("reason").asText()).contains("MIME structure does not parse");
    assertThat(item.path("organization").asText()).isEqualTo(c.org());
    assertThat(item.has("raw")).isFalse();
    assertThat(item.path("releasedAt").isNull()).isTrue();
    JsonNode detail = api.get("/api/v1/mail/quarantine/" + id, c.sre()).body();
    assertThat(detail.path("raw").asText())
        .contains("boundary=\"XYZ\"")
        .contains("error 413 " + token);
    assertThat(api.get("/api/v1/tickets", c.sre()).body().path("items")).isEmpty();

    // another organization sees nothing of it; a customer may not look at all
    assertThat(api.get("/api/v1/mail/quarantine", other.sre()).body().path("items")).isEmpty();
    assertThat(api.get("/api/v1/mail/quarantine/" + id, other.sre()).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/mail/quarantine/" + id + "/release", other.sre(), "").status())
        .isEqualTo(404);
    String customer =
        api.token(app.admin, "user", "carol", c.org(), "customer").path("token").asText();
    assertThat(api.get("/api/v1/mail/quarantine", customer).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/mail/quarantine", null).status()).isEqualTo(401);

    ApiCalls.Resp released = api.post("/api/v1/mail/quarantine/" + id + "/release", c.sre(), "");
    assertThat(released.status()).isEqualTo(200);
    assertThat(released.body().path("outcome").asText()).isEqualTo("opened");
    String ticketId = released.body().path("ticketId").asText();
    JsonNode ticket = app.awaitTicket(ticketId, c.sre(), x -> true);
    assertThat(ticket.path("description").asText()).contains("error 413 " + token);
    assertThat(ticket.path("source").asText()).isEqualTo("email");
    assertThat(ticket.path("organization").asText()).isEqualTo(c.org());
    JsonNode after = api.get("/api/v1/mail/quarantine/" + id, c.sre()).body();
    assertThat(after.path("releasedAt").isNull()).isFalse();
    assertThat(after.path("outcome").asText()).startsWith("opened");
    assertThat(api.post("/api/v1/mail/quarantine/" + id + "/release", c.sre(), "").status())
        .isEqualTo(409);
  }

  @Test
  void aMailWithoutSenderIsForAdminsOnlyAndCannotBeReleased() throws Exception {
    MailApp.Customer c = app.aCustomer();
    String token = UUID.randomUUID().toString().substring(0, 8);
    app.mail.sendRaw(broken(null, token), "someone@acme.example", MailApp.SUPPORT);

    JsonNode all =
        api.await(
            "/api/v1/mail/quarantine?limit=1000",
            app.admin,
            b -> b.path("items").findValuesAsText("subject").contains("Broken " + token));
    JsonNode item = null;
    for (JsonNode i : all.path("items")) {
      if (i.path("subject").asText().equals("Broken " + token)) {
        item = i;
      }
    }
    assertThat(item.path("reason").asText()).contains("no From header");
    assertThat(item.path("organization").isNull()).isTrue();
    String id = item.path("id").asText();
    assertThat(api.get("/api/v1/mail/quarantine/" + id, c.sre()).status()).isEqualTo(404);
    ApiCalls.Resp again = api.post("/api/v1/mail/quarantine/" + id + "/release", app.admin, "");
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.body().path("detail").asText()).contains("no From header");
  }
}
