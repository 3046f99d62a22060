package io.opsflow.notify.slack;

import com.slack.api.model.Message;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.opsflow.notify.model.Notifier.Button;
import io.opsflow.notify.model.Notifier.ChatMessage;
import io.opsflow.notify.model.Notifier.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a {@link ChatMessage} as Block Kit: the text as a mrkdwn section, the fields as a second
 * section (bold label, value), the buttons as an actions block. Slack's limits are applied by
 * cutting, never by failing: 3,000 characters a section, 10 fields, 25 buttons.
 */
final class SlackBlocks {
  static final String EVENT_TYPE = "opsflow_effect";
  static final String KEY = "key";
  private static final int SECTION_MAX = 3000;
  private static final int FIELD_MAX = 2000;
  private static final int FIELDS_MAX = 10;
  private static final int BUTTONS_MAX = 25;
  private static final int BUTTON_TEXT_MAX = 75;

  private SlackBlocks() {}

  static List<LayoutBlock> blocks(ChatMessage m) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(SectionBlock.builder().text(mrkdwn(cut(m.text(), SECTION_MAX))).build());
    if (!m.fields().isEmpty()) {
      List<TextObject> fields = new ArrayList<>();
      for (Field f : m.fields().subList(0, Math.min(FIELDS_MAX, m.fields().size()))) {
        String text = "*" + escape(f.label()) + "*\n" + escape(f.value());
        fields.add(mrkdwn(cut(text, FIELD_MAX)));
      }
      blocks.add(SectionBlock.builder().fields(fields).build());
    }
    if (!m.buttons().isEmpty()) {
      List<BlockElement> buttons = new ArrayList<>();
      for (Button b : m.buttons().subList(0, Math.min(BUTTONS_MAX, m.buttons().size()))) {
        buttons.add(button(b));
      }
      blocks.add(ActionsBlock.builder().elements(buttons).build());
    }
    return blocks;
  }

  /** The plain-text fallback (notifications, screen readers). */
  static String fallback(ChatMessage m) {
    return m.text() == null || m.text().isBlank() ? "opsflow" : m.text();
  }

  static Message.Metadata metadata(ChatMessage m) {
    return Message.Metadata.builder()
        .eventType(EVENT_TYPE)
        .eventPayload(Map.of(KEY, m.idempotencyKey()))
        .build();
  }

  /** Whether a message read back from Slack carries this idempotency key. */
  static boolean carries(Message message, String key) {
    Message.Metadata md = message.getMetadata();
    return md != null
        && EVENT_TYPE.equals(md.getEventType())
        && md.getEventPayload() != null
        && Objects.equals(String.valueOf(md.getEventPayload().get(KEY)), key);
  }

  private static ButtonElement button(Button b) {
    ButtonElement.ButtonElementBuilder builder =
        ButtonElement.builder()
            .actionId(b.actionId())
            .value(b.value())
            .text(PlainTextObject.builder().text(cut(b.text(), BUTTON_TEXT_MAX)).build());
    if ("primary".equals(b.style()) || "danger".equals(b.style())) {
      builder.style(b.style());
    }
    return builder.build();
  }

  private static MarkdownTextObject mrkdwn(String text) {
    return MarkdownTextObject.builder().text(text.isEmpty() ? " " : text).build();
  }

  /** Slack's mrkdwn control characters in data (labels, values) are escaped. */
  private static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
