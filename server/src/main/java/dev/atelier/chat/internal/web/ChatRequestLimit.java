package dev.atelier.chat.internal.web;

import dev.atelier.chat.ChatError;
import dev.atelier.platform.AtelierException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Chat requests carry at most 1 MiB: a larger declared body is refused with a 413 problem before it
 * is read (the server-wide limit still bounds a chunked one, whose message then fails the
 * 40,000-character check).
 */
@Configuration(proxyBeanMethods = false)
class ChatRequestLimit implements WebMvcConfigurer {

  static final long MAX_BYTES = 1024 * 1024;

  /** The body of a message, or 413 when it alone is past the request limit (a chunked request). */
  static @Nullable String within(@Nullable String body) {
    if (body != null
        && body.length() > MAX_BYTES / 4
        && body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw tooLarge();
    }
    return body;
  }

  private static AtelierException tooLarge() {
    return new AtelierException(
        ChatError.MESSAGE_TOO_LARGE,
        "a chat request body has at most 1 MiB (" + MAX_BYTES + " bytes)");
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getContentLengthLong() > MAX_BYTES) {
                  throw tooLarge();
                }
                return true;
              }
            })
        .addPathPatterns("/api/messages", "/api/messages/**", "/api/channels", "/api/channels/**");
  }
}
