package dev.atelier.platform.internal.web;

import dev.atelier.platform.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details the same way everywhere: a stable {@code type} from the error
 * code, the request path as {@code instance} and the request id, and never a stack trace.
 */
@Component
class ProblemWriter {

  private static final URI BLANK = URI.create("about:blank");

  private final JsonMapper json;

  ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  ProblemDetail problem(HttpServletRequest request, ErrorCode code, String detail) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()), detail);
    problem.setType(code.type());
    problem.setTitle(code.title());
    return decorate(problem, request);
  }

  /** Adds the request path and id to a problem built elsewhere (e.g. by Spring MVC). */
  ProblemDetail decorate(ProblemDetail problem, HttpServletRequest request) {
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(pathOf(request)));
    }
    Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    if (BLANK.equals(problem.getType()) && problem.getTitle() == null) {
      HttpStatus status = HttpStatus.resolve(problem.getStatus());
      problem.setTitle(status == null ? "Error" : status.getReasonPhrase());
    }
    return problem;
  }

  void write(
      HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
      throws IOException {
    write(response, problem(request, code, detail));
  }

  void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  private static String pathOf(HttpServletRequest request) {
    @Nullable Object original = request.getAttribute("jakarta.servlet.error.request_uri");
    String path = original != null ? original.toString() : request.getRequestURI();
    // Keep only a plain path: a hostile URI must not break the problem document.
    return path.replaceAll("[^A-Za-z0-9/._~%-]", "");
  }
}
