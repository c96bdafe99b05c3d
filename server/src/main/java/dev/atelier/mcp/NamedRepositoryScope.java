package dev.atelier.mcp;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.platform.AtelierException;
import dev.atelier.repos.ReposError;
import dev.atelier.repos.Repositories;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The scope of MCP over HTTP, where one server holds many repositories: a call names its repository
 * by id or name in a {@code repository} argument, or gets the one {@code serve} was started in.
 */
public final class NamedRepositoryScope implements ToolScope {

  static final String ARGUMENT = "repository";

  private final CodeIntelligence core;
  private final long orgId;
  private final Supplier<Repository> fallback;

  /**
   * @param orgId the org of the caller: only its repositories are found
   * @param fallback the repository of calls that name none (asked per call: it may be registered
   *     after the server starts)
   */
  public NamedRepositoryScope(CodeIntelligence core, long orgId, Supplier<Repository> fallback) {
    this.core = requireNonNull(core, "core is null");
    this.orgId = orgId;
    this.fallback = requireNonNull(fallback, "fallback is null");
  }

  @Override
  public ToolCall open(ToolArguments arguments) {
    Repository repository = arguments.optionalString(ARGUMENT).map(this::named).orElseGet(fallback);
    return new ToolCall(core, repository, ToolScope.branch(core, repository, arguments), arguments);
  }

  @Override
  public Map<String, Object> arguments() {
    return Map.of(
        ARGUMENT,
        Map.of(
            "type",
            "string",
            "description",
            "a repository by id or name (default: the folder the server was started in)"));
  }

  private Repository named(String idOrName) {
    Repositories repositories = core.repos().repositories();
    Optional<Repository> byId = id(idOrName).flatMap(id -> repositories.find(orgId, id));
    return byId.or(() -> repositories.findByName(orgId, idOrName))
        .orElseThrow(() ->
            new AtelierException(
                ReposError.REPOSITORY_NOT_FOUND,
                "no repository '"
                    + idOrName
                    + "'; the repositories are: "
                    + repositories.list(orgId).stream()
                        .map(r -> r.name() + " (id " + r.id().value() + ")")
                        .collect(Collectors.joining(", "))));
  }

  private static Optional<RepositoryId> id(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    long value = Long.parseLong(text);
    return value > 0 ? Optional.of(new RepositoryId(value)) : Optional.empty();
  }
}
