package io.opsflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver. Both paths are given to Selenium so
 * its manager never looks for a browser or driver on the network. A missing Chromium fails the
 * test: {@code .ci/run} installs it.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final Path profile;

  private Browser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start() {
    assertThat(Files.isExecutable(CHROMIUM))
        .as(
            CHROMIUM
                + " is missing: apt-get install chromium chromium-driver (mvn verify does, as root)")
        .isTrue();
    assertThat(Files.isExecutable(DRIVER))
        .as(DRIVER + " is missing: apt-get install chromium-driver (mvn verify does, as root)")
        .isTrue();
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    try {
      Path profile = Files.createTempDirectory("opsflow-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1280,1600",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(DRIVER.toFile())
              .usingAnyFreePort()
              .build();
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  /**
   * A wait that rides out the moments of a page being replaced: an element of the old page gone
   * stale, not there yet on the new one, or the browser's inspector losing its node.
   */
  private FluentWait<WebDriver> settle(String what) {
    return new FluentWait<>(driver)
        .withTimeout(Duration.ofSeconds(20))
        .pollingEvery(Duration.ofMillis(100))
        .ignoring(WebDriverException.class)
        .withMessage(() -> what);
  }

  /** The text of the first element {@code by} finds, once the page shows one. */
  String read(By by) {
    return settle("no element " + by).until(d -> d.findElement(by).getText());
  }

  /** Clicks the element {@code by} finds, once the page shows it. */
  void click(By by) {
    settle("nothing to click at " + by)
        .until(
            d -> {
              d.findElement(by).click();
              return true;
            });
  }

  /** Types into the field {@code by} finds, once the page shows it. */
  void type(By by, String text) {
    settle("no field " + by)
        .until(
            d -> {
              d.findElement(by).sendKeys(text);
              return true;
            });
  }

  /** Reloads the page until {@code where} shows {@code text} (writes go through Kafka). */
  void reloadUntilShown(By where, String text) {
    new FluentWait<>(driver)
        .withTimeout(Duration.ofSeconds(20))
        .pollingEvery(Duration.ofMillis(300))
        .ignoring(WebDriverException.class)
        .withMessage(() -> "page never showed '" + text + "'")
        .until(
            d -> {
              if (!d.findElements(where).isEmpty()
                  && d.findElement(where).getText().contains(text)) {
                return true;
              }
              d.navigate().refresh();
              return false;
            });
  }

  /** Waits, without reloading (pages refresh themselves while a write is pending). */
  void waitFor(By where, String text) {
    new FluentWait<>(driver)
        .withTimeout(Duration.ofSeconds(20))
        .pollingEvery(Duration.ofMillis(200))
        .ignoring(WebDriverException.class)
        .withMessage(() -> "page never showed '" + text + "'")
        .until(
            d -> !d.findElements(where).isEmpty() && d.findElement(where).getText().contains(text));
  }

  /** Saves a screenshot under target/screenshots, for a person to look at. */
  void screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(
          dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary profile left behind is harmless
    }
  }
}
