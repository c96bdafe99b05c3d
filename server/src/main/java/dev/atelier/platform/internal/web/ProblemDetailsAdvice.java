package dev.atelier.platform.internal.web;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import dev.atelier.platform.RetryLaterException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure inside Spring MVC into an RFC 9457 problem. Known failures keep their
 * message; anything unexpected is logged with its stack trace and answered with a generic 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  private final ProblemWriter problems;

  ProblemDetailsAdvice(ProblemWriter problems) {
    this.problems = problems;
  }

  @ExceptionHandler(AtelierException.class)
  ResponseEntity<ProblemDetail> atelier(AtelierException e, HttpServletRequest request) {
    if (e.errorCode().httpStatus() >= 500) {
      log.error("request failed: {}", e.getMessage(), e);
    }
    ResponseEntity<ProblemDetail> answer =
        respond(problems.problem(request, e.errorCode(), e.getMessage()));
    if (e instanceof RetryLaterException later) {
      return ResponseEntity.status(answer.getStatusCode())
          .headers(answer.getHeaders())
          .header(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()))
          .body(answer.getBody());
    }
    return answer;
  }

  /** A query string Tomcat could not decode (bad percent-encoding or not UTF-8). */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> undecodable(HttpServletRequest request) {
    return respond(
        problems.problem(
            request,
            PlatformError.BAD_REQUEST,
            "the query string is not valid percent-encoded UTF-8"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        problems.problem(
            request,
            PlatformError.INTERNAL,
            "an unexpected error occurred; the server log has the details under this request id"));
  }

  /** A chunked body that outgrew the limit surfaces here, wrapped by the message converter. */
  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge
          && request instanceof NativeWebRequest nativeRequest
          && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
        ProblemDetail problem =
            problems.problem(servletRequest, tooLarge.errorCode(), tooLarge.getMessage());
        return createResponseEntity(
            problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
      }
    }
    return super.handleHttpMessageNotReadable(e, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && request instanceof NativeWebRequest nativeRequest
        && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
      problems.decorate(problem, servletRequest);
    }
    HttpHeaders problemHeaders = new HttpHeaders();
    problemHeaders.addAll(headers);
    problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(body, problemHeaders, statusCode);
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
