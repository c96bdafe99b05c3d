package dev.atelier.identity.internal.web;

import dev.atelier.identity.IdentityError;
import dev.atelier.identity.internal.CallerAuthentication;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Caller;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The tenancy context of a request: a handler takes a {@link Caller} parameter and gets the org,
 * user and role the authentication chain established. Every org-scoped handler reads its org from
 * here and nowhere else; without a caller the request is refused (401).
 */
@Configuration(proxyBeanMethods = false)
class CallerArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

  static {
    // Not a request parameter: keep it out of the OpenAPI document.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Caller.class;
  }

  @Override
  public Caller resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer container,
      NativeWebRequest request,
      @Nullable WebDataBinderFactory binders) {
    return Caller.current();
  }

  /** The authenticated caller of this request; a 401 problem when there is none. */
  static CallerAuthentication current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof CallerAuthentication caller) {
      return caller;
    }
    throw new AtelierException(IdentityError.UNAUTHORIZED, "sign in first");
  }
}
