package dev.atelier.cli;

import static java.util.Objects.requireNonNull;

import dev.atelier.audit.AuditEvent;
import dev.atelier.audit.AuditLog;
import dev.atelier.chat.ChatTools;
import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.identity.OrgDirectory;
import dev.atelier.mcp.TeamScope;
import dev.atelier.platform.Caller;
import dev.atelier.platform.Database;
import dev.atelier.repos.Repository;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The team tools of a local {@code atelier mcp} or {@code atelier tool} without a serve: the
 * install's owner acts on the same database, and each write gets its audit row as under {@code
 * serve}. Live events are dropped: with no serve running, nobody is subscribed to them.
 */
final class LocalTeam implements Supplier<TeamScope> {

  private final Supplier<CodeIntelligence> core;
  private @Nullable TeamScope scope;

  LocalTeam(Supplier<CodeIntelligence> core) {
    this.core = requireNonNull(core, "core is null");
  }

  /** Opens the database (through the core) on first use, so {@code initialize} stays fast. */
  @Override
  public synchronized TeamScope get() {
    TeamScope current = scope;
    if (current == null) {
      Database database = core.get().database();
      AuditLog audit = AuditLog.over(database);
      ChatTools chat =
          ChatTools.over(
              database,
              OrgDirectory.over(database),
              orgId -> {
                Map<String, Long> byName = new HashMap<>();
                for (Repository repository : core.get().repos().repositories().list(orgId)) {
                  byName.put(repository.name(), repository.id().value());
                }
                return byName;
              },
              event -> {
                if (event instanceof AuditEvent change) {
                  audit.record(change);
                }
              });
      current = new TeamScope(Caller.localOwner(Caller.Credential.INSTALL_TOKEN), chat, audit);
      scope = current;
    }
    return current;
  }
}
