package dev.atelier.platform.internal.web;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatch (failures outside Spring MVC, such as in filters)
 * with a problem document instead of Boot's default error body.
 */
@RestController
class ProblemErrorController implements ErrorController {

  private final ProblemWriter problems;

  ProblemErrorController(ProblemWriter problems) {
    this.problems = problems;
  }

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    ProblemDetail problem;
    if (failure instanceof AtelierException known) {
      problem = problems.problem(request, known.errorCode(), known.getMessage());
    } else {
      Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
      // Asked for directly, /error is a path like any other, and nothing lives there.
      HttpStatus status =
          code instanceof Integer value && HttpStatus.resolve(value) != null
              ? HttpStatus.valueOf(value)
              : code == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
      problem =
          status == HttpStatus.NOT_FOUND
              ? problems.problem(request, PlatformError.NOT_FOUND, "no resource at this path")
              : problems.decorate(ProblemDetail.forStatus(status), request);
    }
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
