package io.opsflow.web.slack;

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

  static SlackRequest of(Map<String, String> form) {
    return new SlackRequest(
        form.getOrDefault("user_id", ""),
        form.getOrDefault("user_name", ""),
        form.get("channel_id"),
        form.getOrDefault("text", "").trim(),
        form.get("response_url"));
  }

  /** The words of the text; empty for an empty text. */
  List<String> words() {
    return text.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(text.split("\\s+")));
  }
}
