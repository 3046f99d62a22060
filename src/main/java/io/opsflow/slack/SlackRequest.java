package io.opsflow.slack;

import io.opsflow.http.Fields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A slash command as Slack posts it (form-encoded): who typed it, where, the text after {@code
 * /opsflow}, and the {@code response_url} later answers go to.
 */
record SlackRequest(
    String userId, String userName, String channelId, String text, String responseUrl) {

  /** Slack's own limit on a message; a command's text is shorter still. */
  static final int MAX_TEXT = 4000;

  /** The request, or 400 when a field is longer than opsflow keeps (see docs/api-limits.md). */
  static SlackRequest of(Map<String, String> form) {
    return new SlackRequest(
        Fields.atMost("user_id", form.getOrDefault("user_id", ""), Fields.SLACK_USER_ID),
        Fields.atMost("user_name", form.getOrDefault("user_name", ""), Fields.NAME),
        Fields.atMost("channel_id", form.get("channel_id"), 100),
        Fields.atMost("text", form.getOrDefault("text", "").trim(), MAX_TEXT),
        Fields.atMost("response_url", form.get("response_url"), 2000));
  }

  /** The words of the text; empty for an empty text. */
  List<String> words() {
    return text.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(text.split("\\s+")));
  }
}
