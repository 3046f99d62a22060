package io.opsflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.TestApp;
import io.opsflow.ticket.model.Ticket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A customer and an SRE work a ticket in Debian's Chromium, headless, as people would: sign in,
 * open a ticket, comment, answer in the console with a public reply and an internal note, see the
 * update in the portal without the note, sign out; an expired session is sent back to sign-in.
 */
class PortalConsoleBrowserTest {
  private static final By H1 = By.tagName("h1");
  private static final By FACTS = By.cssSelector(".facts");
  private static final By SLA = By.cssSelector("table.sla");
  private static final By COMMENTS = By.cssSelector(".comments");
  private static final By NOTICE = By.cssSelector(".notice");
  private final TestApp app = TestApp.shared();

  private void signIn(Browser b, People.Person p) {
    b.type(By.id("email"), p.email());
    b.type(By.id("password"), People.PASSWORD);
    b.click(By.xpath("//button[text()='Sign in']"));
  }

  /** Waits for the page whose heading is {@code heading} (a click's navigation may still run). */
  private static void onPage(Browser b, String heading) {
    b.waitFor(H1, heading);
    assertThat(b.read(H1)).isEqualTo(heading);
  }

  private void signOut(Browser b) {
    b.click(By.xpath("//button[text()='Sign out']"));
    b.waitFor(NOTICE, "You are signed out.");
  }

  @Test
  void aCustomerAndAnSreWorkATicketInTheBrowser() throws SQLException {
    String org = People.anOrganization();
    People.Person carol = People.aCustomer(app, org);
    People.Person sam = People.anSre(app, org);
    try (Browser b = Browser.start()) {
      WebDriver d = b.driver();
      d.get(app.baseUrl() + "/portal");
      assertThat(d.getCurrentUrl()).contains("/portal/signin");
      assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
      signIn(b, carol);
      onPage(b, "Your organization's tickets");

      b.click(By.cssSelector("main a.button"));
      assertThat(b.read(By.tagName("legend"))).isEqualTo("Priority");
      assertThat(b.read(By.id("priority-P-0-help"))).contains("Production severely impacted");
      b.type(By.id("subject"), "Checkout fails for EU cards");
      b.type(By.id("description"), "Since 09:00 every EU card is declined.");
      b.click(By.id("priority-P-1"));
      b.click(By.xpath("//button[text()='Open the ticket']"));
      b.waitFor(H1, "Checkout fails for EU cards");
      String id = d.getCurrentUrl().substring(d.getCurrentUrl().lastIndexOf('/') + 1);
      String reference = Ticket.referenceOf(id);
      onPage(b, "Checkout fails for EU cards");
      assertThat(b.read(By.cssSelector(".facts"))).contains(reference).contains("P-1");
      b.waitFor(SLA, "Business time left");

      b.type(By.id("body"), "Request id req-42 failed at 09:14.");
      b.click(By.xpath("//button[text()='Add the comment']"));
      b.waitFor(COMMENTS, "Request id req-42 failed at 09:14.");
      signOut(b);
      d.get(app.baseUrl() + "/portal");
      assertThat(d.getCurrentUrl()).contains("/portal/signin");

      d.get(app.baseUrl() + "/console");
      assertThat(d.getCurrentUrl()).contains("/console/signin");
      signIn(b, sam);
      onPage(b, "Queue: Unassigned");
      b.click(By.linkText(reference));
      onPage(b, reference + ": Checkout fails for EU cards");
      // The customer's comment may still be on its way through Kafka: the console shows it once
      // applied.
      b.reloadUntilShown(COMMENTS, "Request id req-42 failed at 09:14.");
      b.click(By.xpath("//button[text()='Assign to me']"));
      b.reloadUntilShown(FACTS, "Sam SRE");

      b.type(By.id("body"), "We are on it: the EU acquirer rejects our TLS.");
      b.click(By.xpath("//button[text()='Add']"));
      b.waitFor(COMMENTS, "We are on it: the EU acquirer rejects our TLS.");
      b.type(By.id("body"), "db pool exhausted on pay-3");
      b.click(By.id("vis-internal"));
      b.click(By.xpath("//button[text()='Add']"));
      b.waitFor(COMMENTS, "db pool exhausted on pay-3");
      assertThat(b.read(By.cssSelector(".comments li.internal")))
          .contains("Internal note, not shown to the customer")
          .contains("db pool exhausted on pay-3");
      new Select(d.findElement(By.id("status"))).selectByValue("waiting-on-customer");
      b.type(By.id("status-reason"), "need the card BIN");
      b.click(By.xpath("//button[text()='Set the status']"));
      b.reloadUntilShown(FACTS, "waiting on customer");
      b.screenshot("console-ticket");
      signOut(b);

      d.get(app.baseUrl() + "/portal/tickets/" + id);
      signIn(b, carol);
      onPage(b, "Checkout fails for EU cards");
      b.reloadUntilShown(COMMENTS, "We are on it: the EU acquirer rejects our TLS.");
      assertThat(b.read(By.cssSelector(".facts")))
          .contains("waiting on customer")
          .contains("Sam SRE");
      assertThat(d.getPageSource()).doesNotContain("db pool exhausted").doesNotContain("pay-3");
      b.screenshot("portal-ticket");

      expireSessionsOf(carol);
      d.navigate().refresh();
      assertThat(d.getCurrentUrl()).contains("/portal/signin?next=");
      onPage(b, "Sign in");
    }
  }

  /** Moves the customer's sessions past their absolute expiry, as time would. */
  private void expireSessionsOf(People.Person p) throws SQLException {
    try (Connection c = app.app().database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("update web_session set expires_at = ? where user_id = ?")) {
      ps.setObject(1, OffsetDateTime.now().minusMinutes(1));
      ps.setString(2, p.id());
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }
}
