package io.opsflow.ticket.model;

import java.util.Objects;

/** A file added to a ticket or comment; {@code content} is base64. */
public record Attachment(String filename, String mediaType, int size, String content) {
  /** The largest attachment opsflow takes: bodies are capped at 512 KiB and base64 adds a third. */
  public static final int MAX_BYTES = 256 * 1024;

  public Attachment {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(content, "content");
    mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
  }
}
