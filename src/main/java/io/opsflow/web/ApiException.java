package io.opsflow.web;

/** An error answered as {@code {"error": ..., "detail": ...}} with its HTTP status. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String error;

  public ApiException(int status, String error, String detail) {
    super(detail);
    this.status = status;
    this.error = error;
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
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
