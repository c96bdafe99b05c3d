package dev.atelier.events.internal.web;

import dev.atelier.platform.Caller;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Serves {@link EventSocket} at {@code /api/ws}. The handshake is an ordinary GET through the
 * authentication chain (bearer header, or {@code ?ticket=} from a browser); the caller it
 * authenticated is kept in the socket's attributes. Origins are checked by that chain already.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class EventSocketConfiguration implements WebSocketConfigurer {

  private final EventSocket socket;

  EventSocketConfiguration(EventSocket socket) {
    this.socket = socket;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(socket, "/api/ws")
        .addInterceptors(new CallerHandshake())
        .setAllowedOriginPatterns("*");
  }

  private static final class CallerHandshake implements HandshakeInterceptor {
    @Override
    public boolean beforeHandshake(
        ServerHttpRequest request,
        ServerHttpResponse response,
        WebSocketHandler handler,
        Map<String, Object> attributes) {
      attributes.put(EventSocket.CALLER, Caller.current());
      return true;
    }

    @Override
    public void afterHandshake(
        ServerHttpRequest request,
        ServerHttpResponse response,
        WebSocketHandler handler,
        @org.jspecify.annotations.Nullable Exception exception) {}
  }
}
