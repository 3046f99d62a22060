package io.opsflow.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.SlackResponseServer;
import io.opsflow.testing.TestApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Tickets from Slack on a running instance: a customer linked by {@code slackUserId} opens one and
 * follows it, an SRE of the organization resolves it; each answer comes at once, and the outcome is
 * posted to the response_url once the ticket consumer applied it. Other organizations' tickets are
 * "not found".
 */
class TicketSlashCommandsTest {
  private static final Pattern OPENING = Pattern.compile("Opening ticket (T-[0-9A-F]{8}) ");
  private static final Pattern LINK = Pattern.compile("/portal/tickets/([0-9a-f-]{36})");

  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();
  private final SlackCalls slack = new SlackCalls(app);
  private final SlackResponseServer responses = app.slackResponses();

  @Test
  void aCustomerOpensATicketAndTheLinkIsPostedOnceItIsOpen() {
    TestApp.Tenant t = app.aCustomerOrg();
    SlackCalls.Person cara = SlackCalls.aSlackUser(app, t.organization(), "customer");
    String url = responses.newResponseUrl();

    String answer = run(cara, "ticket Checkout fails for <EU> customers", url);

    assertThat(answer).startsWith("Opening ticket T-").contains("(P-2) for " + t.organization());
    assertThat(answer).contains("Checkout fails for &lt;EU&gt; customers");
    String reference = group(OPENING, answer);
    String posted = SlackCalls.text(responses.await(url, 1, Duration.ofSeconds(20)).get(0));
    assertThat(posted)
        .startsWith(
            "Ticket " + reference + " opened (P-2): Checkout fails for &lt;EU&gt; customers\n");
    String id = group(LINK, posted);
    JsonNode ticket = api.get("/api/v1/tickets/" + id, app.adminToken()).body();
    assertThat(ticket.path("reference").asText()).isEqualTo(reference);
    assertThat(ticket.path("organization").asText()).isEqualTo(t.organization());
    assertThat(ticket.path("source").asText()).isEqualTo("slack");
    assertThat(ticket.path("requester").asText()).isEqualTo(cara.email());
    assertThat(ticket.path("subject").asText()).isEqualTo("Checkout fails for <EU> customers");

    String status = run(cara, "status " + reference, responses.newResponseUrl());
    assertThat(status)
        .contains("*Ticket " + reference + "*")
        .contains("Status: new · Priority: P-2")
        .contains("Assignee: nobody yet")
        .contains("SLA response: due ")
        .contains("/portal/tickets/" + id);
  }

  @Test
  void anSreOpensAP1TicketAndResolvesItFromSlack() {
    TestApp.Tenant t = app.aCustomerOrg();
    SlackCalls.Person sam = SlackCalls.aSlackUser(app, t.organization(), "sre");
    String opened = responses.newResponseUrl();
    String reference = group(OPENING, run(sam, "ticket p-1 Nightly export is late", opened));
    String id =
        group(LINK, SlackCalls.text(responses.await(opened, 1, Duration.ofSeconds(20)).get(0)));
    assertThat(api.get("/api/v1/tickets/" + id, t.sre()).body().path("priority").asText())
        .isEqualTo("P-1");

    String resolved = responses.newResponseUrl();
    assertThat(run(sam, "resolve " + reference.toLowerCase(), resolved))
        .isEqualTo("Resolving ticket " + reference + ": Nightly export is late.");
    assertThat(SlackCalls.text(responses.await(resolved, 1, Duration.ofSeconds(20)).get(0)))
        .isEqualTo("Ticket " + reference + " resolved.");
    JsonNode d = api.get("/api/v1/tickets/" + id, t.sre()).body();
    assertThat(d.path("status").asText()).isEqualTo("resolved");
    assertThat(d.path("timeline").findValuesAsText("message"))
        .anyMatch(m -> m.contains("resolved from Slack"));
    assertThat(run(sam, "resolve " + reference, responses.newResponseUrl()))
        .isEqualTo("Ticket " + reference + " is already resolved.");
  }

  @Test
  void anotherOrganizationsTicketIsNotFoundAndNothingHappensToIt() {
    TestApp.Tenant mine = app.aCustomerOrg();
    TestApp.Tenant theirs = app.aCustomerOrg();
    SlackCalls.Person cara = SlackCalls.aSlackUser(app, mine.organization(), "customer");
    SlackCalls.Person sam = SlackCalls.aSlackUser(app, mine.organization(), "sre");
    SlackCalls.Person other = SlackCalls.aSlackUser(app, theirs.organization(), "customer");
    String url = responses.newResponseUrl();
    String reference = group(OPENING, run(other, "ticket Their secret outage", url));
    String id =
        group(LINK, SlackCalls.text(responses.await(url, 1, Duration.ofSeconds(20)).get(0)));

    assertThat(run(cara, "status " + reference, responses.newResponseUrl()))
        .isEqualTo("Not found: no incident or ticket `" + reference + "`.");
    assertThat(run(cara, "status " + id, responses.newResponseUrl())).startsWith("Not found");
    String resolveUrl = responses.newResponseUrl();
    assertThat(run(sam, "resolve " + reference, resolveUrl))
        .isEqualTo("Not found: no ticket " + reference + ".");
    assertThat(run(sam, "ticket org=" + theirs.organization() + " Sneaky", resolveUrl))
        .startsWith("You act for organization " + mine.organization() + " only");

    assertThat(api.get("/api/v1/tickets/" + id, theirs.sre()).body().path("status").asText())
        .isEqualTo("new");
    assertThat(api.get("/api/v1/tickets?limit=10", mine.sre()).body().path("items")).isEmpty();
    assertThat(responses.posts(resolveUrl)).isEmpty();
  }

  @Test
  void customersOpenAndFollowTicketsOnly() {
    TestApp.Tenant t = app.aCustomerOrg();
    SlackCalls.Person cara = SlackCalls.aSlackUser(app, t.organization(), "customer");
    for (String command : List.of("ack", "resolve T-00000000", "incident Down", "oncall")) {
      assertThat(run(cara, command, responses.newResponseUrl()))
          .contains("is for SREs")
          .contains("/opsflow ticket <subject>");
    }
    assertThat(run(cara, "ticket", responses.newResponseUrl()))
        .startsWith("What is the ticket about? Give a subject.")
        .contains("Usage: `/opsflow ticket [P-0|P-1|P-2] [org=<organization>] <subject>`");
  }

  @Test
  void aResponseUrlThatIsNotSlacksIsRefusedAndNothingIsDone() {
    TestApp.Tenant t = app.aCustomerOrg();
    SlackCalls.Person cara = SlackCalls.aSlackUser(app, t.organization(), "customer");
    for (String url :
        List.of(
            "https://evil.example.com/commands/1/2",
            "http://hooks.slack.com/commands/1/2",
            "https://hooks.slack.com.evil.example.com/commands/1/2",
            "http://169.254.169.254/latest/meta-data",
            "http://127.0.0.1:1/commands/1/2")) {
      assertThat(run(cara, "ticket Should not exist", url))
          .isEqualTo("This request's response_url is not a Slack address; nothing was done.");
    }
    assertThat(api.get("/api/v1/tickets?limit=10", t.sre()).body().path("items")).isEmpty();
  }

  @Test
  void anAnswerSlackDidNotTakeIsPostedAgain() {
    TestApp.Tenant t = app.aCustomerOrg();
    SlackCalls.Person cara = SlackCalls.aSlackUser(app, t.organization(), "customer");
    String url = responses.newResponseUrl();
    responses.failNext(url, 503);
    String reference = group(OPENING, run(cara, "ticket Retry me", url));
    List<String> posts = responses.await(url, 2, Duration.ofSeconds(20));
    assertThat(posts).hasSize(2);
    assertThat(SlackCalls.text(posts.get(1))).startsWith("Ticket " + reference + " opened");
    assertThat(posts.get(0)).isEqualTo(posts.get(1));
  }

  private String run(SlackCalls.Person who, String text, String url) {
    HttpResponse<String> r =
        slack.signed("/slack/commands", SlackCalls.command(who.slackId(), "someone", text, url), 0);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"response_type\":\"ephemeral\"");
    return SlackCalls.text(r.body());
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as("%s in %s", p, text).isTrue();
    return m.group(1);
  }
}
