package dev.atelier.platform.internal.web;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.PlatformError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the configured limit with a 413 problem: up front when the
 * {@code Content-Length} says so, and while reading when the body is chunked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final ProblemWriter problems;

  RequestSizeLimitFilter(AtelierSettings settings, ProblemWriter problems) {
    this.maxBytes = settings.maxRequestBytes();
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      problems.write(request, response, PlatformError.PAYLOAD_TOO_LARGE, tooLarge());
      return;
    }
    chain.doFilter(new LimitedRequest(request, maxBytes, tooLarge()), response);
  }

  private String tooLarge() {
    return "the request body exceeds the limit of " + maxBytes + " bytes";
  }

  /** Counts body bytes as they are read and stops the request once the limit is passed. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private final String message;

    LimitedRequest(HttpServletRequest request, long maxBytes, String message) {
      super(request);
      this.maxBytes = maxBytes;
      this.message = message;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0) {
            count(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0) {
            count(n);
          }
          return n;
        }

        private void count(int n) {
          read += n;
          if (read > maxBytes) {
            throw new PayloadTooLargeException(message);
          }
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
