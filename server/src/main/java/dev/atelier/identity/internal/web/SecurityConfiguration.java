package dev.atelier.identity.internal.web;

import dev.atelier.identity.IdentityError;
import dev.atelier.identity.InstallToken;
import dev.atelier.identity.internal.ApiKeys;
import dev.atelier.identity.internal.LoginCodes;
import dev.atelier.identity.internal.RateLimits;
import dev.atelier.identity.internal.SessionCookies;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.platform.LoopbackAddresses;
import dev.atelier.platform.Redis;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The one authentication chain of every HTTP request: {@code /api}, {@code /mcp}, {@code /actuator}
 * and the event stream need a caller (session cookie or install token) except health, the login
 * link and the OpenAPI document; the web app's static files are open. Pages get a strict
 * Content-Security-Policy and may not be framed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  // Inline styles stay allowed: CodeMirror mounts its theme as <style> elements. Scripts do not.
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private static final Duration SESSION_LIFETIME = Duration.ofDays(30);

  /** Made on the first start and kept in the data folder; {@code atelier token} prints it. */
  @Bean
  InstallToken installToken(AtelierSettings settings) {
    return InstallToken.loadOrCreate(settings.dataDir());
  }

  @Bean
  SessionCookies sessionCookies(AtelierSettings settings) {
    return SessionCookies.forDataDir(settings.dataDir(), SESSION_LIFETIME, Clock.systemUTC());
  }

  @Bean
  ApiKeys apiKeys(Database database) {
    return new ApiKeys(database, Clock.systemUTC());
  }

  /** Defaults: 120 requests a minute per anonymous address, 6,000 per user or key. */
  @Bean(destroyMethod = "close")
  RateLimits rateLimits(
      AtelierSettings settings, Environment environment, ObjectProvider<Redis> redis) {
    Binder binder = Binder.get(environment);
    long anonymous =
        binder.bind("atelier.rate-limit.anonymous-per-minute", Long.class).orElse(120L);
    long callers = binder.bind("atelier.rate-limit.caller-per-minute", Long.class).orElse(6_000L);
    Redis shared = redis.getIfAvailable();
    return shared == null
        ? RateLimits.inMemory(anonymous, callers)
        : RateLimits.inRedis(
            shared.connectBinary(),
            binder.bind("atelier.rate-limit.namespace", String.class).orElse("atelier:rate:"),
            anonymous,
            callers);
  }

  @Bean
  LoginCodes loginCodes() {
    return new LoginCodes(Clock.systemUTC());
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      AtelierSettings settings,
      Environment environment,
      InstallToken token,
      ApiKeys keys,
      SessionCookies sessions,
      RateLimits limits,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
    refuseNetworkBind(settings);
    ProblemResponses problems = new ProblemResponses(resolver);
    CallerAuthenticationFilter callers =
        new CallerAuthenticationFilter(
            token, keys, sessions, guard(settings, environment), problems);
    return http
        // No CSRF token: the session cookie is SameSite=Strict and every request with a foreign
        // Origin is refused before it reaches a handler.
        .csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers ->
            headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .authorizeHttpRequests(requests ->
            requests
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                .permitAll()
                .requestMatchers("/api/health", "/api/auth/local", "/api/openapi.json")
                .permitAll()
                .requestMatchers("/api/**", "/mcp", "/mcp/**", "/actuator/**", "/events")
                .authenticated()
                .anyRequest()
                .permitAll())
        .exceptionHandling(exceptions ->
            exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(callers, AnonymousAuthenticationFilter.class)
        .addFilterAfter(new RateLimitFilter(limits, problems), CallerAuthenticationFilter.class)
        .build();
  }

  // Until accounts exist (the identity issue), the install token is the only credential: anyone
  // who can reach a network address could try it, so only loopback is served.
  private static void refuseNetworkBind(AtelierSettings settings) {
    if (!LoopbackAddresses.isLoopback(settings.host())) {
      throw new AtelierException(
          IdentityError.NETWORK_BIND_REFUSED,
          "refusing to listen on "
              + settings.host()
              + ": beyond loopback Atelier needs account login, which this version does not have"
              + " yet; listen on 127.0.0.1 and put a reverse proxy with its own authentication in"
              + " front");
    }
  }

  private static LoopbackGuard guard(AtelierSettings settings, Environment environment) {
    Binder binder = Binder.get(environment);
    return new LoopbackGuard(
        settings.host(),
        binder.bind("atelier.mcp.origins", Bindable.listOf(String.class)).orElse(List.of()),
        binder.bind("atelier.mcp.hosts", Bindable.listOf(String.class)).orElse(List.of()));
  }
}
