package io.opsflow.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.testing.ApiCalls;
import io.opsflow.testing.SlackResponseServer;
import io.opsflow.testing.TestApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Incidents and on-call from Slack on a running instance: declaring an incident (through the alert
 * path, from the organization's internal "slack" integration), following and resolving it, who is
 * on call; unknown Slack users and commands get an answer with the usage.
 */
class IncidentSlashCommandsTest {
  private static final Pattern ID = Pattern.compile("Id: ([0-9a-f-]{36})");

  private final TestApp app = TestApp.shared();
  private final ApiCalls api = app.api();
  private final SlackCalls slack = new SlackCalls(app);
  private final SlackResponseServer responses = app.slackResponses();

  @Test
  void anSreDeclaresAnIncidentFollowsItAndResolvesIt() {
    TestApp.Tenant t = app.aCustomerOrg();
    SlackCalls.Person sam = SlackCalls.aSlackUser(app, t.organization(), "sre");
    String url = responses.newResponseUrl();

    assertThat(run(sam.slackId(), "incident Payments are slow in EU", url))
        .isEqualTo(
            "Declaring a P-1 incident for "
                + t.organization()
                + ": Payments are slow in EU. Its id follows here once it is open.");
    String posted = SlackCalls.text(responses.await(url, 1, Duration.ofSeconds(20)).get(0));
    assertThat(posted).contains(" opened for " + t.organization() + ": Payments are slow in EU");
    String id = group(ID, posted);
    JsonNode incident =
        api.await("/api/v1/incidents/" + id, t.sre(), d -> !d.path("priority").isNull());
    assertThat(incident.path("priority").asText()).isEqualTo("P-1");
    assertThat(incident.path("title").asText()).isEqualTo("Payments are slow in EU");
    JsonNode tokens = api.get("/api/v1/tokens?limit=1000", app.adminToken()).body().path("items");
    assertThat(tokens)
        .anyMatch(
            x ->
                x.path("name").asText().equals("slack")
                    && x.path("organization").asText().equals(t.organization()));

    String status = run(sam.slackId(), "status " + id.substring(0, 8), url);
    assertThat(status)
        .contains("*Incident " + id.substring(0, 8) + "* · Payments are slow in EU")
        .contains("Status: triggered · Priority: P-1 · Organization: " + t.organization())
        .contains("Last update: ")
        .contains("SLA response: due ")
        .contains("SLA resolution: due ");

    String resolved = responses.newResponseUrl();
    assertThat(run(sam.slackId(), "resolve " + id, resolved))
        .isEqualTo("Resolving incident " + id + ".");
    assertThat(SlackCalls.text(responses.await(resolved, 1, Duration.ofSeconds(20)).get(0)))
        .isEqualTo("Incident " + id.substring(0, 8) + " resolved by slack:" + sam.email() + ".");
    assertThat(api.get("/api/v1/incidents/" + id, t.sre()).body().path("status").asText())
        .isEqualTo("resolved");
    JsonNode audit = api.get("/api/v1/audit", t.sre()).body().path("items");
    assertThat(audit)
        .filteredOn(e -> e.path("actor").asText().equals("slack:" + sam.email()))
        .extracting(e -> e.path("action").asText() + " " + e.path("detail").asText())
        .containsExactly(
            "incident.resolve via /slack/commands", "incident.declare P-1 Payments are slow in EU");
  }

  @Test
  void anOperatorSreNamesTheOrganizationAndMayAskForP0() {
    TestApp.Tenant t = app.aCustomerOrg();
    assertThat(run(SlackRoutesTest.ALICE, "incident P-0 Checkout down", responses.newResponseUrl()))
        .startsWith(
            "Which organization? You act for every organization: add `org=<organization id>`.")
        .contains("Usage: `/opsflow incident [P-0|P-1|P-2] [org=<organization>] <summary>`");
    assertThat(
            run(SlackRoutesTest.ALICE, "incident org=no-such-org Down", responses.newResponseUrl()))
        .isEqualTo("No organization `no-such-org`.");

    String url = responses.newResponseUrl();
    run(SlackRoutesTest.ALICE, "incident P-0 org=" + t.organization() + " Checkout down", url);
    String id = group(ID, SlackCalls.text(responses.await(url, 1, Duration.ofSeconds(20)).get(0)));
    JsonNode incident =
        api.await("/api/v1/incidents/" + id, t.sre(), d -> !d.path("priority").isNull());
    assertThat(incident.path("priority").asText()).isEqualTo("P-0");
    assertThat(incident.path("organization").asText()).isEqualTo(t.organization());
  }

  @Test
  void anotherOrganizationsIncidentIsNotFound() {
    TestApp.Tenant mine = app.aCustomerOrg();
    TestApp.Tenant theirs = app.aCustomerOrg();
    SlackCalls.Person cara = SlackCalls.aSlackUser(app, mine.organization(), "customer");
    SlackCalls.Person sam = SlackCalls.aSlackUser(app, mine.organization(), "sre");
    String url = responses.newResponseUrl();
    run(SlackRoutesTest.ALICE, "incident org=" + theirs.organization() + " Theirs", url);
    String id = group(ID, SlackCalls.text(responses.await(url, 1, Duration.ofSeconds(20)).get(0)));

    assertThat(run(cara.slackId(), "status " + id, url))
        .isEqualTo("Not found: no incident or ticket `" + id + "`.");
    String ackUrl = responses.newResponseUrl();
    assertThat(run(sam.slackId(), "ack " + id, ackUrl))
        .isEqualTo("Not found: no incident " + id + ".");
    assertThat(api.get("/api/v1/incidents/" + id, theirs.sre()).body().path("status").asText())
        .isEqualTo("triggered");
    assertThat(responses.posts(ackUrl)).isEmpty();
  }

  @Test
  void whoIsOnCallComesFromTheOnCallConfiguration() {
    String url = responses.newResponseUrl();
    assertThat(run(SlackRoutesTest.ALICE, "oncall", url))
        .startsWith("*On call now*\n• Platform primary (`platform-primary`): ")
        .containsPattern("(Alice Martin|Bob Chen|Carol Diaz|Dave Okafor|Erin Novak)");
    assertThat(run(SlackRoutesTest.ALICE, "oncall default", url))
        .startsWith("*Escalation policy Platform default* (`default`)")
        .contains("\n1. schedule platform-primary: ")
        .contains("(next level after 10m)")
        .contains("channel #inc-platform")
        .contains("\n3. Alice Martin <@U0ALICE>");
    assertThat(run(SlackRoutesTest.ALICE, "oncall checkout", url))
        .startsWith("Service Checkout (`checkout`): *Escalation policy Platform default*");
    assertThat(run(SlackRoutesTest.ALICE, "oncall nope", url))
        .startsWith("No schedule, policy or service `nope`.");
  }

  @Test
  void unknownUsersAndCommandsGetTheUsage() {
    String url = responses.newResponseUrl();
    String unknown = run("U0NOBODY", "ticket Let me in", url);
    assertThat(unknown)
        .startsWith("Your Slack user U0NOBODY is not linked to an opsflow user.")
        .contains("`/opsflow ticket [P-0|P-1|P-2] [org=<organization>] <subject>`")
        .contains("`/opsflow status <incident id | ticket T-XXXXXXXX>`")
        .contains("`/opsflow oncall [schedule | policy | service]`");
    assertThat(run("U0NOBODY", "help", url)).contains("Usage:").doesNotContain("not linked");
    assertThat(run(SlackRoutesTest.ALICE, "dance now", url))
        .startsWith("Unknown command `dance`.\nUsage:")
        .contains("`/opsflow help`");
    assertThat(run(SlackRoutesTest.ALICE, "", url)).contains("Usage:");
    assertThat(run(SlackRoutesTest.ALICE, "status", url))
        .contains("This channel is not an incident's war room");
    assertThat(responses.posts(url)).isEmpty();
  }

  private String run(String slackId, String text, String url) {
    HttpResponse<String> r =
        slack.signed("/slack/commands", SlackCalls.command(slackId, "someone", text, url), 0);
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
