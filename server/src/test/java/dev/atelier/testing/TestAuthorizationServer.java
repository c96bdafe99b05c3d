package dev.atelier.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A real OpenID Connect provider for tests (Spring Authorization Server in a small Spring Boot
 * application of its own, on a random loopback port): a login form, one confidential client, and
 * people whose id token and userinfo carry {@code email} and {@code email_verified}. It also
 * answers GitHub's two user endpoints ({@code /user}, {@code /user/emails}) for its own access
 * tokens, so that a "github" provider can be pointed at it too.
 */
public final class TestAuthorizationServer implements AutoCloseable {

  public static final String CLIENT_ID = "atelier";
  public static final String CLIENT_SECRET = "test-client-secret-4711";
  public static final String PASSWORD = "provider-password";

  /** Someone who can sign in at this provider. */
  public record Person(long id, String email, boolean emailVerified, String name) {}

  /** Who exists at the provider, by user name. */
  public static final Map<String, Person> PEOPLE =
      Map.of(
          "newcomer", new Person(101, "newcomer@example.com", true, "New Comer"),
          "ada", new Person(102, "ada@example.com", true, "Ada Lovelace"),
          "eve", new Person(103, "eve@example.com", false, "Eve"),
          "grace", new Person(104, "grace@example.com", true, "Grace Hopper"),
          "linus", new Person(105, "linus@example.com", true, "Linus"));

  private final ConfigurableApplicationContext context;
  private final String url;

  private TestAuthorizationServer(ConfigurableApplicationContext context) {
    this.context = context;
    int port =
        Objects.requireNonNull(((WebServerApplicationContext) context).getWebServer()).getPort();
    this.url = "http://127.0.0.1:" + port;
  }

  public static TestAuthorizationServer start() {
    SpringApplication app = new SpringApplication(Beans.class);
    app.setWebApplicationType(WebApplicationType.SERVLET);
    app.setDefaultProperties(
        Map.of(
            "server.port", 0,
            "server.address", "127.0.0.1",
            "spring.main.banner-mode", "off",
            "spring.application.name", "test-authorization-server"));
    return new TestAuthorizationServer(app.run());
  }

  /** Where the provider answers, e.g. {@code http://127.0.0.1:PORT}; also its issuer. */
  public String url() {
    return url;
  }

  /** Registers Atelier as a client with its redirect URIs (known once it listens). */
  public void registerClient(List<String> redirectUris) {
    context
        .getBean(InMemoryRegisteredClientRepository.class)
        .save(
            RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                // GitHub's scopes, for the "github" provider pointed here.
                .scope("read:user")
                .scope("user:email")
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build());
  }

  /** The properties that point Atelier's "github" provider at this server's GitHub endpoints. */
  public Map<String, Object> githubProperties() {
    String prefix = "atelier.auth.oauth.github.";
    return Map.of(
        prefix + "client-id", CLIENT_ID,
        prefix + "client-secret", CLIENT_SECRET,
        prefix + "authorization-uri", url + "/oauth2/authorize",
        prefix + "token-uri", url + "/oauth2/token",
        prefix + "user-info-uri", url + "/user",
        prefix + "emails-uri", url + "/user/emails");
  }

  /** The properties that point Atelier's provider {@code id} at this server. */
  public Map<String, Object> providerProperties(String id) {
    String prefix = "atelier.auth.oauth." + id + ".";
    return Map.of(
        prefix + "client-id",
        CLIENT_ID,
        prefix + "client-secret",
        CLIENT_SECRET,
        prefix + "base-url",
        url,
        prefix + "authorization-uri",
        url + "/oauth2/authorize",
        prefix + "token-uri",
        url + "/oauth2/token",
        prefix + "user-info-uri",
        url + "/userinfo",
        prefix + "jwk-set-uri",
        url + "/oauth2/jwks",
        prefix + "issuer-uri",
        url);
  }

  @Override
  public void close() {
    context.close();
  }

  /**
   * The provider's beans. Not a {@code @Configuration}: Atelier's component scan covers {@code
   * dev.atelier}, and must not find an authorization server in the application under test.
   */
  @ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    SecurityAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
  })
  static class Beans {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) {
      OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
      return http.securityMatcher(server.getEndpointsMatcher())
          .with(server, as -> as.oidc(Customizer.withDefaults()))
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
          .exceptionHandling(exceptions ->
              exceptions.defaultAuthenticationEntryPointFor(
                  new LoginUrlAuthenticationEntryPoint("/login"),
                  new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
          .build();
    }

    /** GitHub's user endpoints take this server's access tokens. */
    @Bean
    @Order(2)
    SecurityFilterChain githubApi(HttpSecurity http) {
      return http.securityMatcher("/user", "/user/emails")
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
          .build();
    }

    /**
     * GitHub's answers: {@code /user} with a public email that is not the primary one (it must not
     * be trusted), {@code /user/emails} with the primary address and whether it is verified.
     */
    @Bean
    RouterFunction<ServerResponse> githubUsers() {
      return RouterFunctions.route()
          .GET(
              "/user",
              request -> {
                String login = request.principal().orElseThrow().getName();
                Person person = Objects.requireNonNull(PEOPLE.get(login));
                return ServerResponse.ok()
                    .body(
                        Map.of(
                            "id",
                            person.id(),
                            "login",
                            login,
                            "name",
                            person.name(),
                            "email",
                            "public-" + person.email()));
              })
          .GET(
              "/user/emails",
              request -> {
                Person person =
                    Objects.requireNonNull(PEOPLE.get(request.principal().orElseThrow().getName()));
                return ServerResponse.ok()
                    .body(
                        List.of(
                            Map.of(
                                "email",
                                "old-" + person.email(),
                                "primary",
                                false,
                                "verified",
                                true),
                            Map.of(
                                "email",
                                person.email(),
                                "primary",
                                true,
                                "verified",
                                person.emailVerified())));
              })
          .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain login(HttpSecurity http) {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .formLogin(Customizer.withDefaults())
          .build();
    }

    @Bean
    UserDetailsService people() {
      InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
      PEOPLE
          .keySet()
          .forEach(name ->
              users.createUser(
                  User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()));
      return users;
    }

    @Bean
    InMemoryRegisteredClientRepository clients() {
      // One placeholder client; the test adds the real redirect URI once Atelier listens.
      return new InMemoryRegisteredClientRepository(
          RegisteredClient.withId("placeholder")
              .clientId("placeholder")
              .clientSecret("{noop}placeholder")
              .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
              .redirectUri("http://127.0.0.1/placeholder")
              .scope(OidcScopes.OPENID)
              .build());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> emailClaims() {
      return context -> {
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
          Person person = PEOPLE.get(context.getPrincipal().getName());
          if (person != null) {
            context
                .getClaims()
                .claim("email", person.email())
                .claim("email_verified", person.emailVerified())
                .claim("name", person.name());
          }
        }
      };
    }

    @Bean
    JWKSource<SecurityContext> keys() {
      KeyPair pair;
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      RSAKey key =
          new RSAKey.Builder((RSAPublicKey) pair.getPublic())
              .privateKey((RSAPrivateKey) pair.getPrivate())
              .keyID(UUID.randomUUID().toString())
              .build();
      return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
      return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
      return AuthorizationServerSettings.builder().build();
    }
  }
}
