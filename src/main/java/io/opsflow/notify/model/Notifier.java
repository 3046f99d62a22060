package io.opsflow.notify.model;

import java.util.List;
import java.util.Optional;

/**
 * The chat port: war-room channels, messages and invitations (Slack is the adapter). Every method
 * is safe to call again after a crash: {@link #openChannel} finds the channel it created before,
 * {@link #post} with {@code mayHaveBeenSent} looks for the message it may have posted before.
 */
public interface Notifier {

  /**
   * The channel for an incident, created with {@code name} if no channel of that name exists; if
   * the name is taken by a channel opsflow did not create for this incident, a numbered variant.
   */
  ChatChannel openChannel(String name, String incidentId) throws EffectFailure;

  /**
   * Posts {@code message} to {@code channelId}. When {@code mayHaveBeenSent} (an earlier attempt of
   * the same message may have reached the vendor before the process died), the adapter first looks
   * for a message carrying the same idempotency key and returns it instead of posting again.
   */
  ChatMessageRef post(String channelId, ChatMessage message, boolean mayHaveBeenSent)
      throws EffectFailure;

  /** Replaces the content of an earlier message (the incident summary). */
  void update(ChatMessageRef ref, ChatMessage message) throws EffectFailure;

  /** Invites members to a channel; members already in it are not an error. */
  void invite(String channelId, List<String> memberIds) throws EffectFailure;

  /** The chat member id of the person with this email address, if the workspace has one. */
  Optional<String> memberByEmail(String email) throws EffectFailure;

  /** A war-room channel: the vendor's id and its name. */
  record ChatChannel(String id, String name) {}

  /** Where a posted message lives: channel id and the vendor's message id ({@code ts}). */
  record ChatMessageRef(String channelId, String ts) {}

  /**
   * A message: plain {@code text} (the notification and fallback), optional {@code fields} shown as
   * label/value pairs, and buttons. {@code idempotencyKey} identifies the message across retries.
   */
  record ChatMessage(String idempotencyKey, String text, List<Field> fields, List<Button> buttons) {
    public ChatMessage {
      fields = fields == null ? List.of() : List.copyOf(fields);
      buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static ChatMessage text(String idempotencyKey, String text) {
      return new ChatMessage(idempotencyKey, text, List.of(), List.of());
    }
  }

  /** A label/value pair in a message. */
  record Field(String label, String value) {}

  /**
   * A button: {@code actionId} is what comes back at {@code /slack/interactions}, {@code value}
   * carries the incident id; {@code style} is {@code primary}, {@code danger} or empty.
   */
  record Button(String actionId, String text, String value, String style) {}
}
