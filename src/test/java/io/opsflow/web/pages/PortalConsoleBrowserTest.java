package io.opsflow.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.testing.TestApp;
import io.opsflow.ticket.Ticket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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

  private void signIn(WebDriver d, People.Person p) {
    d.findElement(By.id("email")).sendKeys(p.email());
    d.findElement(By.id("password")).sendKeys(People.PASSWORD);
    d.findElement(By.xpath("//button[text()='Sign in']")).click();
  }

  private void signOut(Browser b) {
    b.driver().findElement(By.xpath("//button[text()='Sign out']")).click();
    b.waitFor(NOTICE, "You are signed out.");
  }

  /**
   * The page's heading; a page that reloads itself (a refresh while a write is applied) is read
   * again.
   */
  private static String h1(WebDriver d) {
    return text(d, By.tagName("h1"));
  }

  /** An element's text, read again when the page reloaded itself under the read. */
  private static String text(WebDriver d, By by) {
    for (int attempt = 1; ; attempt++) {
      try {
        return d.findElement(by).getText();
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
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
      signIn(d, carol);
      assertThat(h1(d)).isEqualTo("Your organization's tickets");

      d.findElement(By.cssSelector("main a.button")).click();
      assertThat(text(d, By.tagName("legend"))).isEqualTo("Priority");
      assertThat(text(d, By.id("priority-P-0-help"))).contains("Production severely impacted");
      d.findElement(By.id("subject")).sendKeys("Checkout fails for EU cards");
      d.findElement(By.id("description")).sendKeys("Since 09:00 every EU card is declined.");
      d.findElement(By.id("priority-P-1")).click();
      d.findElement(By.xpath("//button[text()='Open the ticket']")).click();
      b.waitFor(H1, "Checkout fails for EU cards");
      String id = d.getCurrentUrl().substring(d.getCurrentUrl().lastIndexOf('/') + 1);
      String reference = Ticket.referenceOf(id);
      assertThat(h1(d)).isEqualTo("Checkout fails for EU cards");
      assertThat(text(d, By.cssSelector(".facts"))).contains(reference).contains("P-1");
      b.waitFor(SLA, "Business time left");

      d.findElement(By.id("body")).sendKeys("Request id req-42 failed at 09:14.");
      d.findElement(By.xpath("//button[text()='Add the comment']")).click();
      b.waitFor(COMMENTS, "Request id req-42 failed at 09:14.");
      signOut(b);
      d.get(app.baseUrl() + "/portal");
      assertThat(d.getCurrentUrl()).contains("/portal/signin");

      d.get(app.baseUrl() + "/console");
      assertThat(d.getCurrentUrl()).contains("/console/signin");
      signIn(d, sam);
      assertThat(h1(d)).isEqualTo("Queue: Unassigned");
      d.findElement(By.linkText(reference)).click();
      assertThat(h1(d)).isEqualTo(reference + ": Checkout fails for EU cards");
      // The customer's comment may still be on its way through Kafka: the console shows it once
      // applied.
      b.reloadUntilShown(COMMENTS, "Request id req-42 failed at 09:14.");
      d.findElement(By.xpath("//button[text()='Assign to me']")).click();
      b.reloadUntilShown(FACTS, "Sam SRE");

      d.findElement(By.id("body")).sendKeys("We are on it: the EU acquirer rejects our TLS.");
      d.findElement(By.xpath("//button[text()='Add']")).click();
      b.waitFor(COMMENTS, "We are on it: the EU acquirer rejects our TLS.");
      d.findElement(By.id("body")).sendKeys("db pool exhausted on pay-3");
      d.findElement(By.id("vis-internal")).click();
      d.findElement(By.xpath("//button[text()='Add']")).click();
      b.waitFor(COMMENTS, "db pool exhausted on pay-3");
      WebElement note = d.findElement(By.cssSelector(".comments li.internal"));
      assertThat(note.getText())
          .contains("Internal note, not shown to the customer")
          .contains("db pool exhausted on pay-3");
      new Select(d.findElement(By.id("status"))).selectByValue("waiting-on-customer");
      d.findElement(By.id("status-reason")).sendKeys("need the card BIN");
      d.findElement(By.xpath("//button[text()='Set the status']")).click();
      b.reloadUntilShown(FACTS, "waiting on customer");
      b.screenshot("console-ticket");
      signOut(b);

      d.get(app.baseUrl() + "/portal/tickets/" + id);
      signIn(d, carol);
      assertThat(h1(d)).isEqualTo("Checkout fails for EU cards");
      b.reloadUntilShown(COMMENTS, "We are on it: the EU acquirer rejects our TLS.");
      assertThat(text(d, By.cssSelector(".facts")))
          .contains("waiting on customer")
          .contains("Sam SRE");
      assertThat(d.getPageSource()).doesNotContain("db pool exhausted").doesNotContain("pay-3");
      b.screenshot("portal-ticket");

      expireSessionsOf(carol);
      d.navigate().refresh();
      assertThat(d.getCurrentUrl()).contains("/portal/signin?next=");
      assertThat(h1(d)).isEqualTo("Sign in");
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
