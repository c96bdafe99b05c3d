package dev.atelier.identity.internal.account;

import dev.atelier.identity.IdentityError;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.platform.Role;
import dev.atelier.platform.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Orgs (the tenants) and who belongs to them with which role. An org always keeps at least one
 * owner: the last owner can neither leave, be removed nor be demoted.
 */
public final class Orgs {

  public record Org(long id, String slug, String name) {}

  /** An org as one of its members sees it. */
  public record MyOrg(long id, String slug, String name, Role role) {}

  public record Member(
      long userId, @Nullable String email, String displayName, Role role, Instant since) {}

  private final Sql sql;
  private final Clock clock;

  public Orgs(Database database, Clock clock) {
    this.sql = new Sql(database.dataSource(), database.vendor());
    this.clock = clock;
  }

  public static String name(@Nullable String name) {
    String chosen = name == null ? "" : name.strip();
    if (chosen.isEmpty()
        || chosen.length() > 100
        || chosen.chars().anyMatch(Character::isISOControl)) {
      throw new AtelierException(
          IdentityError.INVALID_ACCOUNT, "an org name is 1 to 100 printable characters");
    }
    return chosen;
  }

  /** Makes an org with {@code ownerId} as its owner. */
  public Org create(String name, long ownerId) {
    return sql.inTransaction(() -> {
      String slug = freeSlug(name);
      long id =
          sql.jdbc()
              .sql("insert into orgs (slug, name) values (?, ?) returning id")
              .params(slug, name)
              .query(Long.class)
              .single();
      addMember(id, ownerId, Role.OWNER);
      return new Org(id, slug, name);
    });
  }

  public Optional<Org> find(long id) {
    return sql.jdbc()
        .sql("select id, slug, name from orgs where id = ?")
        .param(id)
        .query((rows, n) -> new Org(rows.getLong(1), rows.getString(2), rows.getString(3)))
        .optional();
  }

  public List<MyOrg> ofUser(long userId) {
    return sql.jdbc()
        .sql(
            "select o.id, o.slug, o.name, m.role from memberships m join orgs o on o.id = m.org_id"
                + " where m.user_id = ? order by o.id")
        .param(userId)
        .query((rows, n) ->
            new MyOrg(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                Role.parse(rows.getString(4)).orElseThrow()))
        .list();
  }

  /** The role of a user in an org, empty when not a member (or deleted). */
  public Optional<Role> role(long orgId, long userId) {
    return sql.jdbc()
        .sql(
            "select m.role from memberships m join users u on u.id = m.user_id"
                + " where m.org_id = ? and m.user_id = ? and u.deleted_at is null")
        .params(orgId, userId)
        .query((rows, n) -> Role.parse(rows.getString(1)).orElseThrow())
        .optional();
  }

  public List<Member> members(long orgId) {
    return sql.jdbc()
        .sql(
            "select u.id, u.email, u.display_name, m.role, m.created_at from memberships m join"
                + " users u on u.id = m.user_id where m.org_id = ? order by u.id")
        .param(orgId)
        .query(Orgs::member)
        .list();
  }

  public Optional<Member> member(long orgId, long userId) {
    return sql.jdbc()
        .sql(
            "select u.id, u.email, u.display_name, m.role, m.created_at from memberships m join"
                + " users u on u.id = m.user_id where m.org_id = ? and m.user_id = ?")
        .params(orgId, userId)
        .query(Orgs::member)
        .optional();
  }

  public void addMember(long orgId, long userId, Role role) {
    sql.jdbc()
        .sql("insert into memberships (org_id, user_id, role, created_at) values (?, ?, ?, ?)")
        .params(orgId, userId, role.wire(), clock.instant().toEpochMilli())
        .update();
  }

  public void changeRole(long orgId, long userId, Role role) {
    sql.inTransaction(() -> {
      keepAnOwner(orgId, userId, role);
      sql.jdbc()
          .sql("update memberships set role = ? where org_id = ? and user_id = ?")
          .params(role.wire(), orgId, userId)
          .update();
    });
  }

  public void removeMember(long orgId, long userId) {
    sql.inTransaction(() -> {
      keepAnOwner(orgId, userId, null);
      sql.jdbc()
          .sql("delete from memberships where org_id = ? and user_id = ?")
          .params(orgId, userId)
          .update();
    });
  }

  /** Orgs where {@code userId} is the only owner while others remain members. */
  public List<Org> soleOwnerWithOthers(long userId) {
    return sql.jdbc()
        .sql(
            "select o.id, o.slug, o.name from orgs o join memberships m on m.org_id = o.id"
                + " where m.user_id = ? and m.role = 'owner'"
                + " and (select count(*) from memberships x where x.org_id = o.id"
                + " and x.role = 'owner') = 1"
                + " and (select count(*) from memberships y where y.org_id = o.id) > 1")
        .param(userId)
        .query((rows, n) -> new Org(rows.getLong(1), rows.getString(2), rows.getString(3)))
        .list();
  }

  public void leaveAll(long userId) {
    sql.jdbc().sql("delete from memberships where user_id = ?").param(userId).update();
  }

  // An org never loses its last owner; a change that would is refused.
  private void keepAnOwner(long orgId, long userId, @Nullable Role next) {
    Optional<Role> current = role(orgId, userId);
    if (current.orElse(null) != Role.OWNER || next == Role.OWNER) {
      return;
    }
    long owners =
        sql.jdbc()
            .sql("select count(*) from memberships where org_id = ? and role = 'owner'")
            .param(orgId)
            .query(Long.class)
            .single();
    if (owners <= 1) {
      throw new AtelierException(
          IdentityError.LAST_OWNER,
          "the org would have no owner; transfer ownership to another member first");
    }
  }

  private String freeSlug(String name) {
    String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    base = base.replaceAll("^-+|-+$", "");
    if (base.isEmpty()) {
      base = "org";
    }
    base = base.length() > 40 ? base.substring(0, 40) : base;
    String slug = base;
    for (int n = 2; taken(slug); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }

  private boolean taken(String slug) {
    return sql.jdbc()
            .sql("select count(*) from orgs where slug = ?")
            .param(slug)
            .query(Long.class)
            .single()
        > 0;
  }

  private static Member member(ResultSet rows, int n) throws SQLException {
    return new Member(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        Role.parse(rows.getString(4)).orElseThrow(),
        Instant.ofEpochMilli(rows.getLong(5)));
  }
}
