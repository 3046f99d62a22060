package io.opsflow.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Answers go to Slack's hooks, or to the configured local Slack's origin, nowhere else. */
class ResponseUrlsTest {
  private final ResponseUrls slackOnly = new ResponseUrls(Optional.empty());
  private final ResponseUrls withLocal =
      new ResponseUrls(Optional.of("http://127.0.0.1:9101/api/"));

  @Test
  void slacksHooksAreAllowed() {
    assertThat(slackOnly.allowed("https://hooks.slack.com/commands/T1/123/abc")).isTrue();
    assertThat(slackOnly.allowed("https://HOOKS.slack.com:443/commands/T1/123/abc")).isTrue();
  }

  @Test
  void everythingElseIsRefused() {
    for (String url :
        new String[] {
          null,
          "",
          "/commands/1",
          "not a url",
          "http://hooks.slack.com/commands/1",
          "https://hooks.slack.com:8443/commands/1",
          "https://hooks.slack.com.evil.example/commands/1",
          "https://evil.example/hooks.slack.com/commands/1",
          "https://user@hooks.slack.com/commands/1",
          "https://slack.com/api/chat.postMessage",
          "http://127.0.0.1:9101/commands/1",
          "http://169.254.169.254/latest/meta-data",
          "file:///etc/passwd"
        }) {
      assertThat(slackOnly.allowed(url)).as(String.valueOf(url)).isFalse();
    }
  }

  @Test
  void theConfiguredSlackApiOriginIsAllowedAndOnlyIt() {
    assertThat(withLocal.allowed("http://127.0.0.1:9101/commands/T1/1")).isTrue();
    assertThat(withLocal.allowed("https://hooks.slack.com/commands/T1/1")).isTrue();
    assertThat(withLocal.allowed("http://127.0.0.1:9102/commands/T1/1")).isFalse();
    assertThat(withLocal.allowed("https://127.0.0.1:9101/commands/T1/1")).isFalse();
    assertThat(withLocal.allowed("http://localhost:9101/commands/T1/1")).isFalse();
  }
}
