package dev.atelier.chat.internal.web;

import dev.atelier.chat.ChatError;
import dev.atelier.platform.AtelierException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getContentLengthLong() > MAX_BYTES) {
                  throw new AtelierException(
                      ChatError.MESSAGE_TOO_LARGE,
                      "a chat request body has at most 1 MiB (" + MAX_BYTES + " bytes)");
                }
                return true;
              }
            })
        .addPathPatterns("/api/messages", "/api/messages/**", "/api/channels", "/api/channels/**");
  }
}
