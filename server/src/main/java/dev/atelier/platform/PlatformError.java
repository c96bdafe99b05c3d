package dev.atelier.platform;

/** Error codes of the platform itself: configuration, storage, back ends and HTTP plumbing. */
public enum PlatformError implements ErrorCode {
  MISCONFIGURED("misconfigured", 500, "Atelier is misconfigured"),
  DATABASE_UNAVAILABLE("database-unavailable", 503, "The database is not available"),
  EXTENSION_MISSING("extension-missing", 503, "A required database extension is missing"),
  REDIS_UNAVAILABLE("redis-unavailable", 503, "Redis is not available"),
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
  BAD_REQUEST("bad-request", 400, "Bad request"),
  NOT_FOUND("not-found", 404, "Not found"),
  UNAUTHENTICATED("unauthorized", 401, "Authentication required"),
  FORBIDDEN("forbidden", 403, "Not allowed for this caller"),
  INTERNAL("internal", 500, "Internal error");

  private final Spec spec;

  PlatformError(String code, int httpStatus, String title) {
    this.spec = new Spec(code, httpStatus, title);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
