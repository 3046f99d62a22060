package io.opsflow.http;

/**
 * An error answered as {@code {"error": ..., "detail": ...}} with its HTTP status, and {@code
 * "errorId"} when a failure was logged under an id (see {@link Failures}).
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String error;
  private final String errorId;

  public ApiException(int status, String error, String detail) {
    this(status, error, detail, null);
  }

  public ApiException(int status, String error, String detail, String errorId) {
    super(detail);
    this.status = status;
    this.error = error;
    this.errorId = errorId;
  }

  /** The id the failure behind this answer was logged under, or null. */
  public String errorId() {
    return errorId;
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  /** The answer's body: the error, its detail and the error id when there is one. */
  public java.util.Map<String, Object> body() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("error", error);
    m.put("detail", getMessage());
    if (errorId != null) {
      m.put("errorId", errorId);
    }
    return m;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "bad request", detail);
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "unauthorized", detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not found", detail);
  }
}
