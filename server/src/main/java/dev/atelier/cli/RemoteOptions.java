package dev.atelier.cli;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code --remote [URL]} and {@code --repo}: run a command against a logged-in server. */
final class RemoteOptions {

  @Option(
      names = "--remote",
      arity = "0..1",
      paramLabel = "URL",
      preprocessor = UrlOrDefault.class,
      description =
          "Run against a server logged in to with `atelier login` (default: the last one logged"
              + " in to).")
  @Nullable String remote;

  @Option(
      names = "--repo",
      paramLabel = "NAME|ID",
      description =
          "With --remote: the server's repository (default: the only one, or the one named like"
              + " the current folder).")
  @Nullable String repo;

  @Mixin ConfigOption config = new ConfigOption();

  boolean enabled() {
    return remote != null;
  }

  RemoteClient client() {
    return RemoteClient.open(config.store(), remote);
  }

  /** A repository of the server, as {@code GET /api/repos} lists it. */
  record RemoteRepository(long id, String name) {}

  /** The repository {@code --repo} names, or the default one. */
  RemoteRepository repository(RemoteClient client, Path folder) {
    List<RemoteRepository> all = new ArrayList<>();
    for (JsonNode node : client.get("/api/repos")) {
      all.add(new RemoteRepository(node.path("id").asLong(), node.path("name").asString("")));
    }
    String wanted = repo;
    if (wanted != null && !wanted.isBlank()) {
      return all.stream()
          .filter(r -> Long.toString(r.id()).equals(wanted.strip()) || r.name().equals(wanted))
          .findFirst()
          .orElseThrow(() -> unknown(client, "no repository " + wanted, all));
    }
    if (all.size() == 1) {
      return all.getFirst();
    }
    Path name = folder.toAbsolutePath().normalize().getFileName();
    String here = name == null ? "" : name.toString();
    List<RemoteRepository> named = all.stream().filter(r -> r.name().equals(here)).toList();
    if (named.size() == 1) {
      return named.getFirst();
    }
    throw unknown(
        client,
        all.isEmpty() ? "no repositories yet" : "name the repository with --repo NAME|ID",
        all);
  }

  private static AtelierException unknown(
      RemoteClient client, String message, List<RemoteRepository> all) {
    return new AtelierException(
        PlatformError.NOT_FOUND,
        message
            + " at "
            + client.url()
            + (all.isEmpty()
                ? ""
                : " (there: "
                    + String.join(", ", all.stream().map(r -> r.name() + " = " + r.id()).toList())
                    + ")"));
  }

  /**
   * {@code --remote} takes the next argument only when it is a URL, so that {@code search --remote
   * QUERY} leaves the query alone; otherwise it stands for the default server.
   */
  static final class UrlOrDefault implements CommandLine.IParameterPreprocessor {
    @Override
    public boolean preprocess(
        Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
      if (" ".equals(info.get("separator")) && (args.isEmpty() || !looksLikeUrl(args.peek()))) {
        args.push("");
      }
      return false;
    }

    private static boolean looksLikeUrl(String arg) {
      return arg.startsWith("http://") || arg.startsWith("https://");
    }
  }
}
