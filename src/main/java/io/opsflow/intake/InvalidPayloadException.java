package io.opsflow.intake;

/** A payload that cannot be accepted; the message says why, in terms the sender can act on. */
public final class InvalidPayloadException extends IllegalArgumentException {
  public InvalidPayloadException(String reason) {
    super(reason);
  }
}
