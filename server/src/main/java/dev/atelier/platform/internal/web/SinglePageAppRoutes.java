package dev.atelier.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Serves the web app's static files, and its {@code index.html} for the app's own pages (anything
 * under {@code /repos/}, and other paths without a dot in the last segment, outside {@code /api},
 * {@code /actuator} and {@code /assets}), so a reload of a client-side route such as {@code
 * /repos/1/code/src/App.java} shows the app instead of a 404. A path that is none of the app's
 * routes gets the same page, where the app shows its "not found", with status 404, so that
 * crawlers, link checkers and scripts are told the truth.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageAppRoutes implements WebMvcConfigurer {

  private static final List<String> SERVER_PREFIXES =
      List.of("api/", "actuator/", "assets/", "error");

  /**
   * The routes the web app draws (web/src/lib/router.ts, parseRoute): keep the two in step. {@code
   * /signin}, {@code /register}, {@code /forgot-password}, {@code /reset-password}, {@code
   * /accept-invite} and {@code /settings/...} are the account pages; {@code /chat/ID} the chat and
   * {@code /search} the message search.
   */
  private static final Pattern APP_ROUTES =
      Pattern.compile(
          "/|/index\\.html|/signin|/repos/?|/repos/\\d+/?|/repos/\\d+/(code|search)(/.*)?"
              + "|/chat(/\\d+)?/?|/search"
              + "|/repos/\\d+/understand/?"
              + "|/register|/forgot-password|/reset-password|/accept-invite"
              + "|/settings(/(profile|members|projects|keys|sessions|audit))?/?");

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new UnknownRouteStatus())
        .excludePathPatterns("/api/**", "/actuator/**", "/assets/**", "/error");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    // Vite puts a content hash in every asset name: they never change, so browsers keep them.
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/static/assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    // index.html names the current assets, so it is revalidated on every load.
    registry
        .addResourceHandler("/**")
        .addResourceLocations("classpath:/static/")
        .setCacheControl(CacheControl.noCache())
        .resourceChain(true)
        .addResolver(new AppRouteResolver());
  }

  /** Marks a page the app does not have as 404 before the shell is written as its body. */
  private static final class UnknownRouteStatus implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      String last = path.substring(path.lastIndexOf('/') + 1);
      boolean staticFile = last.contains(".") && !path.startsWith("/repos/");
      if (handler instanceof ResourceHttpRequestHandler
          && !staticFile
          && !APP_ROUTES.matcher(path).matches()) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      }
      return true;
    }
  }

  private static final class AppRouteResolver extends PathResourceResolver {
    @Override
    protected @Nullable Resource getResource(String resourcePath, Resource location)
        throws IOException {
      Resource found = super.getResource(resourcePath, location);
      if (found != null || !isAppRoute(resourcePath)) {
        return found;
      }
      return super.getResource("index.html", location);
    }

    private static boolean isAppRoute(String path) {
      for (String prefix : SERVER_PREFIXES) {
        if (path.startsWith(prefix) || path.equals(prefix.replace("/", ""))) {
          return false;
        }
      }
      // File paths in the code view end in names with dots; elsewhere a dot means a static file.
      String last = path.substring(path.lastIndexOf('/') + 1);
      return path.startsWith("repos/") || !last.contains(".");
    }
  }
}
