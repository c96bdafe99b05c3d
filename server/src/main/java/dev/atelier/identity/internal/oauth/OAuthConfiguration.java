package dev.atelier.identity.internal.oauth;

import dev.atelier.identity.internal.account.Accounts;
import dev.atelier.identity.internal.account.Orgs;
import dev.atelier.identity.internal.account.Users;
import dev.atelier.identity.internal.token.AuthSessions;
import dev.atelier.platform.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * OAuth sign-in's parts: the providers configured under {@code atelier.auth.oauth.*} (and {@code
 * atelier.auth.oauth.redirect-base-url}, the server's public URL when a proxy hides it).
 */
@Configuration(proxyBeanMethods = false)
class OAuthConfiguration {

  @Bean
  OAuthProviders oauthProviders(Environment environment) {
    Binder binder = Binder.get(environment);
    List<OAuthProviderSettings> settings = new ArrayList<>();
    for (String id : OAuthProviderSettings.KNOWN) {
      settings.add(OAuthProviderSettings.bind(binder, id));
    }
    return new OAuthProviders(
        settings, binder.bind("atelier.auth.oauth.redirect-base-url", String.class).orElse(null));
  }

  @Bean
  OAuthStateCookie oauthStateCookie(OAuthStateKey key) {
    return new OAuthStateCookie(key, Clock.systemUTC());
  }

  @Bean
  OAuthSignIn oauthSignIn(
      Users users,
      Orgs orgs,
      Accounts accounts,
      AuthSessions sessions,
      Database database,
      ApplicationEventPublisher events,
      Environment environment) {
    // The same switch as password registration: invite-only servers make no accounts here either.
    boolean open =
        !"invite-only"
            .equals(
                Binder.get(environment)
                    .bind("atelier.auth.registration", String.class)
                    .orElse("open"));
    return new OAuthSignIn(
        users,
        orgs,
        accounts,
        sessions,
        new OAuthIdentities(database, Clock.systemUTC()),
        events,
        open);
  }

  @Bean
  OAuthLogin oauthLogin(
      OAuthProviders providers, OAuthStateCookie stateCookie, OAuthSignIn signIn) {
    return new OAuthLogin(providers, stateCookie, new OAuthCallbacks(signIn));
  }
}
