package dev.atelier.cli;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import java.net.http.HttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-line messages of remote mode: what went wrong and what to do, never a stack trace and
 * never a credential.
 */
final class RemoteErrors {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RemoteErrors() {}

  static AtelierException unreachable(String url, Exception cause) {
    String reason = cause.getMessage();
    return new AtelierException(
        PlatformError.BAD_REQUEST,
        "cannot reach the Atelier server at "
            + url
            + (reason == null || reason.isBlank() ? "" : " (" + reason + ")"));
  }

  static AtelierException notLoggedIn(String url) {
    return new AtelierException(
        PlatformError.UNAUTHENTICATED,
        "not logged in to " + url + "; run `atelier login " + url + "` first");
  }

  static AtelierException sessionExpired(String url) {
    return new AtelierException(
        PlatformError.UNAUTHENTICATED,
        "the session at "
            + url
            + " has expired or was ended; run `atelier login "
            + url
            + "` again");
  }

  static AtelierException keyRefused(String url) {
    return new AtelierException(
        PlatformError.UNAUTHENTICATED,
        "the server at "
            + url
            + " refused the stored key (revoked or expired); run `atelier login "
            + url
            + " --key` with a valid one");
  }

  /** A refusal other than 401: 403 names what is missing, 429 when to retry. */
  static AtelierException refused(String url, HttpResponse<String> response) {
    int status = response.statusCode();
    String detail = detail(response);
    return switch (status) {
      case 403 ->
          new AtelierException(PlatformError.BAD_REQUEST, "not allowed at " + url + ": " + detail);
      case 429 ->
          new AtelierException(
              PlatformError.BAD_REQUEST,
              "too many requests to "
                  + url
                  + "; retry in "
                  + response.headers().firstValue("Retry-After").orElse("a few")
                  + " seconds");
      default ->
          new AtelierException(
              status == 404 ? PlatformError.NOT_FOUND : PlatformError.BAD_REQUEST,
              url + " answered HTTP " + status + ": " + detail);
    };
  }

  /** The problem document's detail (or title), else the status alone. */
  static String detail(HttpResponse<String> response) {
    try {
      JsonNode problem = JSON.readTree(response.body());
      if (problem != null && problem.isObject()) {
        String detail = problem.path("detail").asString("");
        if (!detail.isBlank()) {
          return detail;
        }
        String title = problem.path("title").asString("");
        if (!title.isBlank()) {
          return title;
        }
      }
    } catch (JacksonException e) {
      // not a problem document: the status says it
    }
    return "HTTP " + response.statusCode();
  }
}
