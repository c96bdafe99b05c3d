package dev.atelier.identity.internal.web;

import dev.atelier.identity.IdentityError;
import dev.atelier.identity.InstallToken;
import dev.atelier.identity.OrgDirectory;
import dev.atelier.identity.internal.ApiKeys;
import dev.atelier.identity.internal.LoginCodes;
import dev.atelier.identity.internal.RateLimits;
import dev.atelier.identity.internal.SessionCookies;
import dev.atelier.identity.internal.account.Accounts;
import dev.atelier.identity.internal.account.DatabaseOrgDirectory;
import dev.atelier.identity.internal.account.Invitations;
import dev.atelier.identity.internal.account.LinkDelivery;
import dev.atelier.identity.internal.account.Orgs;
import dev.atelier.identity.internal.account.Projects;
import dev.atelier.identity.internal.account.Users;
import dev.atelier.identity.internal.oauth.OAuthLogin;
import dev.atelier.identity.internal.oauth.OAuthStateKey;
import dev.atelier.identity.internal.password.OneTimeCodes;
import dev.atelier.identity.internal.password.PasswordPolicy;
import dev.atelier.identity.internal.password.PasswordResets;
import dev.atelier.identity.internal.token.AccessGate;
import dev.atelier.identity.internal.token.AccessTokens;
import dev.atelier.identity.internal.token.AuthSessions;
import dev.atelier.identity.internal.token.SecretBox;
import dev.atelier.identity.internal.token.SigningKeys;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutFilter;
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
  AuthSettings authSettings(Environment environment) {
    return AuthSettings.from(Binder.get(environment));
  }

  @Bean
  Users users(Database database) {
    return new Users(database, Clock.systemUTC());
  }

  @Bean
  Orgs orgs(Database database) {
    return new Orgs(database, Clock.systemUTC());
  }

  @Bean
  OrgDirectory orgDirectory(Orgs orgs, Projects projects, Users users) {
    return new DatabaseOrgDirectory(orgs, projects, users);
  }

  @Bean
  OneTimeCodes oneTimeCodes() {
    return new OneTimeCodes();
  }

  @Bean
  Invitations invitations(Database database, OneTimeCodes codes) {
    return new Invitations(database, Clock.systemUTC(), codes);
  }

  @Bean
  Projects projects(Database database) {
    return new Projects(database, Clock.systemUTC());
  }

  @Bean
  PasswordResets passwordResets(Database database, OneTimeCodes codes) {
    return new PasswordResets(database, Clock.systemUTC(), codes);
  }

  /** Argon2id with Spring Security's current defaults (16 MiB, 2 passes): ~30-60 ms a hash. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  }

  /** Loaded once: it may be made (and warned about) on the first start. */
  @Bean
  InstallSecret installSecret(AtelierSettings settings, AuthSettings auth) {
    return InstallSecret.load(settings, auth.secretKey());
  }

  @Bean
  SigningKeys signingKeys(Database database, InstallSecret secret, AuthSettings auth) {
    return new SigningKeys(
        database,
        new SecretBox(secret.key()),
        Clock.systemUTC(),
        auth.signingKeyRotation(),
        auth.accessTokenLifetime().plusMinutes(5));
  }

  @Bean
  OAuthStateKey oauthStateKey(InstallSecret secret) {
    return OAuthStateKey.derivedFrom(secret.key());
  }

  @Bean
  AccessTokens accessTokens(SigningKeys keys, AuthSettings auth) {
    return new AccessTokens(keys, Clock.systemUTC(), auth.accessTokenLifetime());
  }

  @Bean
  AuthSessions authSessions(Database database, AuthSettings auth) {
    return new AuthSessions(database, Clock.systemUTC(), auth.refreshTokenLifetime());
  }

  @Bean
  AccessGate accessGate(AccessTokens tokens, AuthSessions sessions, Orgs orgs) {
    return new AccessGate(tokens, sessions, orgs);
  }

  /** By mail when an SMTP server is configured ({@code spring.mail.host}); else to the log. */
  @Bean
  LinkDelivery linkDelivery(ObjectProvider<JavaMailSender> mail, Environment environment) {
    JavaMailSender sender = mail.getIfAvailable();
    return sender == null
        ? new LoggedLinks()
        : new MailedLinks(
            sender,
            Binder.get(environment)
                .bind("atelier.mail.from", String.class)
                .orElse("atelier@localhost"));
  }

  @Bean
  Accounts accounts(
      Users users,
      Orgs orgs,
      Invitations invitations,
      PasswordEncoder encoder,
      PasswordResets resets,
      AuthSessions sessions,
      AccessTokens tokens,
      RateLimits limits,
      LinkDelivery delivery,
      ApplicationEventPublisher events,
      AuthSettings auth) {
    return new Accounts(
        users,
        orgs,
        invitations,
        encoder,
        PasswordPolicy.standard(),
        resets,
        sessions,
        tokens,
        limits,
        delivery,
        events,
        auth.openRegistration());
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      AtelierSettings settings,
      Environment environment,
      InstallToken token,
      ApiKeys keys,
      AccessGate gate,
      Orgs orgs,
      SessionCookies sessions,
      RateLimits limits,
      OAuthLogin oauthLogin,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
    refuseNetworkBind(settings);
    oauthLogin.configure(http);
    ProblemResponses problems = new ProblemResponses(resolver);
    CallerAuthenticationFilter callers =
        new CallerAuthenticationFilter(
            token,
            keys,
            gate,
            orgs,
            sessions,
            !settings.authRequired(),
            guard(settings, environment),
            problems);
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
                .requestMatchers(
                    "/api/health",
                    "/api/auth/local",
                    "/api/auth/register",
                    "/api/auth/login",
                    "/api/auth/refresh",
                    "/api/auth/logout",
                    "/api/auth/password/forgot",
                    "/api/auth/password/reset",
                    "/api/auth/providers",
                    "/api/auth/oauth/*",
                    "/api/auth/oauth/*/callback",
                    "/api/openapi.json")
                .permitAll()
                .requestMatchers("/api/**", "/mcp", "/mcp/**", "/actuator/**", "/events")
                .authenticated()
                .anyRequest()
                .permitAll())
        .exceptionHandling(exceptions ->
            exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        // Ahead of the OAuth filters (which follow the disabled LogoutFilter's place), so that the
        // OAuth round-trip gets the same origin checks and rate limits as every other request.
        .addFilterBefore(callers, LogoutFilter.class)
        .addFilterAfter(new RateLimitFilter(limits, problems), CallerAuthenticationFilter.class)
        .build();
  }

  // Without account sign-in the install token and login links are the only credentials, and a
  // browser session is the implicit owner: only loopback is served then.
  private static void refuseNetworkBind(AtelierSettings settings) {
    if (!LoopbackAddresses.isLoopback(settings.host()) && !settings.authRequired()) {
      throw new AtelierException(
          IdentityError.NETWORK_BIND_REFUSED,
          "refusing to listen on "
              + settings.host()
              + ": beyond loopback every caller must sign in; serve with --auth (or in service"
              + " mode)");
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
