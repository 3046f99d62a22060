package io.opsflow.http;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures whose inside no answer shows: each is logged once with the exception under a fresh error
 * id, and the answer carries only that id, so a user can quote it and an operator find the log
 * line. Never an exception's class, message, SQL or stack in an answer.
 */
public final class Failures {
  private static final Logger log = LoggerFactory.getLogger(Failures.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Failures() {}

  /** Logs {@code what} failed with {@code e} under a new error id, and returns the id. */
  public static String logged(String what, Throwable e) {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    String id = HexFormat.of().formatHex(b);
    log.error("error id {}: {}", id, what, e);
    return id;
  }

  /** What an answer says of a failure: nothing but the id to quote. */
  public static String message(String id) {
    return "Something went wrong; quote error id " + id + ".";
  }

  /** What a web page says of a failure. */
  public static String pageMessage(String id) {
    return "The page could not be shown. Please try again later; if it keeps happening, quote"
        + " error id "
        + id
        + ".";
  }

  /** The API's 500: {@code {"error": "internal error", "detail": ..., "errorId": ...}}. */
  public static ApiException internal(String what, Throwable e) {
    String id = logged(what, e);
    return new ApiException(500, "internal error", message(id), id);
  }
}
