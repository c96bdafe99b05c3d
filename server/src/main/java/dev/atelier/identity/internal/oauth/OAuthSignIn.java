package dev.atelier.identity.internal.oauth;

import dev.atelier.audit.AuditEvent;
import dev.atelier.identity.internal.account.Accounts;
import dev.atelier.identity.internal.account.Orgs;
import dev.atelier.identity.internal.account.Users;
import dev.atelier.identity.internal.token.AuthSessions;
import dev.atelier.platform.AtelierException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What a completed OAuth round-trip means for Atelier accounts. A known identity signs in as its
 * user. An unknown one joins an existing account only through an email the provider verified (or an
 * explicit link by the signed-in user); an existing account's email the provider did not verify is
 * refused, since anyone can type someone else's address at a provider that does not check it.
 * Otherwise a new account with an org of its own.
 */
final class OAuthSignIn {

  /** How a round-trip ended. */
  sealed interface Outcome {}

  /** Signed in (a new or existing account). */
  record SignedIn(Accounts.SignedIn session, boolean created) implements Outcome {}

  /** The identity was linked to the signed-in user who asked for it. */
  record Linked(long userId) implements Outcome {}

  /**
   * Nothing happened.
   *
   * @param reason for the web app's {@code ?oauth=} parameter: {@code unverified-email}, {@code
   *     no-email}, {@code registration-closed}, {@code identity-taken} or {@code failed}
   */
  record Refused(String reason) implements Outcome {}

  private final Users users;
  private final Orgs orgs;
  private final Accounts accounts;
  private final AuthSessions sessions;
  private final OAuthIdentities identities;
  private final ApplicationEventPublisher events;
  private final boolean openRegistration;

  OAuthSignIn(
      Users users,
      Orgs orgs,
      Accounts accounts,
      AuthSessions sessions,
      OAuthIdentities identities,
      ApplicationEventPublisher events,
      boolean openRegistration) {
    this.users = users;
    this.orgs = orgs;
    this.accounts = accounts;
    this.sessions = sessions;
    this.identities = identities;
    this.events = events;
    this.openRegistration = openRegistration;
  }

  /**
   * @param linkUser the signed-in user who started an explicit link, or null for a sign-in
   */
  Outcome complete(OAuthProfile profile, @Nullable Long linkUser, Accounts.Client client) {
    Optional<Long> owner = identities.owner(profile.provider(), profile.subject());
    if (linkUser != null) {
      return link(profile, linkUser, owner);
    }
    if (owner.isPresent()) {
      return active(owner.get())
          ? signIn(owner.get(), profile, false, client)
          : new Refused("failed");
    }
    String email = email(profile.email());
    if (email == null) {
      return new Refused("no-email");
    }
    Optional<Users.User> existing = users.findByEmail(email);
    if (existing.isPresent()) {
      long userId = existing.get().id();
      if (!profile.emailVerified()) {
        publish(
            new AuditEvent(
                    firstOrg(userId),
                    "session",
                    null,
                    "oauth-refused",
                    Map.of(),
                    Map.of(
                        "provider",
                        profile.provider(),
                        "email",
                        email,
                        "reason",
                        "unverified-email"))
                .by(userId));
        return new Refused("unverified-email");
      }
      Map<String, Object> proven = Map.of();
      if (!existing.get().emailVerified()) {
        // The provider checked that this person controls the address. The account was made by
        // whoever typed it first (pre-hijacking: an attacker registers the victim's address and
        // waits): its password and sessions end, so only the proven owner holds the account.
        users.markEmailVerified(userId);
        identities.dropUnprovenPassword(userId);
        int ended = sessions.revokeAll(userId, "oauth-email-proven", null);
        proven = Map.of("passwordRemoved", existing.get().hasPassword(), "sessionsEnded", ended);
      }
      linked(
          profile, identities.link(profile.provider(), profile.subject(), userId, email), proven);
      return signIn(userId, profile, false, client);
    }
    if (!openRegistration) {
      return new Refused("registration-closed");
    }
    return signIn(create(profile, email), profile, true, client);
  }

  private Outcome link(OAuthProfile profile, long linkUser, Optional<Long> owner) {
    if (owner.isPresent() && owner.get() != linkUser) {
      publish(
          new AuditEvent(
                  firstOrg(linkUser),
                  "oauth-identity",
                  profile.provider() + ":" + profile.subject(),
                  "link-refused",
                  Map.of(),
                  Map.of("provider", profile.provider(), "reason", "identity-taken"))
              .by(linkUser));
      return new Refused("identity-taken");
    }
    if (owner.isEmpty()) {
      long now = identities.link(profile.provider(), profile.subject(), linkUser, profile.email());
      if (now != linkUser) {
        return new Refused("identity-taken");
      }
      linked(profile, linkUser, Map.of());
    }
    return new Linked(linkUser);
  }

  private long create(OAuthProfile profile, String email) {
    String name = name(profile.name(), email);
    Users.User user = users.create(email, name, null, profile.emailVerified());
    long orgId = orgs.create(Orgs.name(name + "'s org"), user.id()).id();
    publish(AuditEvent.created(orgId, "org", Long.toString(orgId), Map.of()).by(user.id()));
    publish(
        AuditEvent.created(
                orgId,
                "user",
                Long.toString(user.id()),
                Map.of("email", email, "name", name, "via", "oauth:" + profile.provider()))
            .by(user.id()));
    linked(
        profile,
        identities.link(profile.provider(), profile.subject(), user.id(), email),
        Map.of());
    return user.id();
  }

  private SignedIn signIn(
      long userId, OAuthProfile profile, boolean created, Accounts.Client client) {
    return new SignedIn(
        accounts.signInVerified(userId, "oauth:" + profile.provider(), client), created);
  }

  private void linked(OAuthProfile profile, long userId, Map<String, Object> more) {
    Map<String, Object> values = new HashMap<>(more);
    values.put("provider", profile.provider());
    values.put("email", profile.email() == null ? "" : profile.email());
    publish(
        new AuditEvent(
                firstOrg(userId),
                "oauth-identity",
                profile.provider() + ":" + profile.subject(),
                "linked",
                Map.of(),
                values)
            .by(userId));
  }

  private boolean active(long userId) {
    return users.find(userId).map(u -> u.deletedAt() == null).orElse(false);
  }

  private long firstOrg(long userId) {
    List<Orgs.MyOrg> mine = orgs.ofUser(userId);
    return mine.isEmpty() ? AuditEvent.NO_ORG : mine.get(0).id();
  }

  private static @Nullable String email(@Nullable String email) {
    if (email == null) {
      return null;
    }
    try {
      return Users.normalizeEmail(email);
    } catch (AtelierException notAnAddress) {
      return null;
    }
  }

  // The provider's name when Atelier can show it, else the address's local part.
  private static String name(@Nullable String name, String email) {
    try {
      return Users.displayName(name, email);
    } catch (AtelierException unusable) {
      return Users.displayName(null, email);
    }
  }

  private void publish(AuditEvent event) {
    events.publishEvent(event);
  }
}
