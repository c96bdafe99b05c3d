package dev.atelier.mcp.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps MCP over HTTP's refusals to JSON-RPC: a body over the limit is 413 before the SDK reads it
 * (chunked or not), and an error the SDK answers (it serialises its exception, stack trace and all)
 * is rewritten to a plain JSON-RPC error with the code and message only.
 */
final class McpErrorFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final JsonMapper json = JsonMapper.builder().build();

  McpErrorFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest body = request;
    if ("POST".equals(request.getMethod())) {
      byte[] bytes;
      try {
        bytes = readAtMost(request.getInputStream(), maxBytes);
      } catch (RuntimeException tooLarge) {
        // the platform's size limit on the request stream stopped the read
        bytes = null;
      }
      if (bytes == null) {
        writeError(
            response, 413, -32600, "the request body exceeds the limit of " + maxBytes + " bytes");
        return;
      }
      body = new BufferedRequest(request, bytes);
    }
    ErrorCapture capture = new ErrorCapture(response);
    chain.doFilter(body, capture);
    if (capture.captured != null) {
      writeError(
          response,
          capture.getStatus(),
          code(capture.captured.toByteArray()),
          message(capture.captured.toByteArray()));
    }
  }

  private static byte @Nullable [] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > limit) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  // The SDK writes its McpError as {"jsonRpcError": {...}}; a JSON-RPC answer has {"error": {...}}.
  private JsonNode errorOf(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      return node.has("jsonRpcError") ? node.path("jsonRpcError") : node.path("error");
    } catch (RuntimeException e) {
      return json.createObjectNode();
    }
  }

  private int code(byte[] body) {
    JsonNode code = errorOf(body).path("code");
    return code.isNumber() ? code.asInt() : -32603;
  }

  private String message(byte[] body) {
    JsonNode message = errorOf(body).path("message");
    return message.isString() ? message.asString() : "the request could not be handled";
  }

  private void writeError(HttpServletResponse response, int status, int code, String message)
      throws IOException {
    ObjectNode error = json.createObjectNode();
    error.put("jsonrpc", "2.0");
    error.putNull("id");
    error.putObject("error").put("code", code).put("message", message);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(json.writeValueAsBytes(error));
  }

  /** A request whose body was read up front. */
  private static final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }

  /** Holds back the body of an error answer (status 400 and up); anything else passes through. */
  private static final class ErrorCapture extends HttpServletResponseWrapper {
    @Nullable ByteArrayOutputStream captured;

    ErrorCapture(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (getStatus() < 400) {
        return super.getOutputStream();
      }
      if (captured == null) {
        captured = new ByteArrayOutputStream();
      }
      ByteArrayOutputStream sink = java.util.Objects.requireNonNull(captured);
      return new ServletOutputStream() {
        @Override
        public void write(int b) {
          sink.write(b);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException("error answers are written synchronously");
        }
      };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (getStatus() < 400) {
        return super.getWriter();
      }
      return new PrintWriter(getOutputStream(), true, StandardCharsets.UTF_8);
    }
  }
}
