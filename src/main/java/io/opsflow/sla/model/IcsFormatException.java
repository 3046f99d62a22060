package io.opsflow.sla.model;

/** An iCalendar text that cannot be read, with the (first physical) line of the problem. */
public final class IcsFormatException extends IllegalArgumentException {
  private final int line;
  private final String reason;

  IcsFormatException(int line, String reason) {
    super("iCalendar line " + line + ": " + reason);
    this.line = line;
    this.reason = reason;
  }

  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
