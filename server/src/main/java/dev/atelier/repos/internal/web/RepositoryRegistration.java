package dev.atelier.repos.internal.web;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.BranchChanges;
import dev.atelier.repos.ChangeDebouncer;
import dev.atelier.repos.ReposError;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.internal.watch.WorkingTreeWatchers;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds a repository from the web app or the API: a local folder as it is, or a git URL cloned under
 * the data folder. Either way it is watched (local mode) and fully indexed in the background.
 */
@Component
class RepositoryRegistration {

  private static final Set<String> GIT_SCHEMES = Set.of("https", "http", "ssh", "git", "file");
  private static final int CLONE_TIMEOUT_SECONDS = 120;
  private static final Pattern SCP_STYLE = Pattern.compile("([\\w.-]+@[\\w.-]+):(?!//)(.+)");

  private final ReposStorage repos;
  private final ChangeDebouncer debouncer;
  private final ObjectProvider<WorkingTreeWatchers> watchers;
  private final AtelierSettings settings;

  RepositoryRegistration(
      ReposStorage repos,
      ChangeDebouncer debouncer,
      ObjectProvider<WorkingTreeWatchers> watchers,
      AtelierSettings settings) {
    this.repos = repos;
    this.debouncer = debouncer;
    this.watchers = watchers;
    this.settings = settings;
  }

  /** What registering found: the repository and whether it was new. */
  record Registered(Repository repository, boolean created) {}

  Registered add(long orgId, @Nullable String path, @Nullable String gitUrl) {
    String local = path == null || path.isBlank() ? null : path;
    String remote = gitUrl == null || gitUrl.isBlank() ? null : gitUrl;
    if ((local == null) == (remote == null)) {
      throw new AtelierException(
          ReposError.INVALID_PATH, "give either 'path' (a local folder) or 'gitUrl', not both");
    }
    Path folder =
        local != null ? localFolder(local) : clone(java.util.Objects.requireNonNull(remote));
    boolean known = repos.repositories().findByLocation(orgId, folder.toString()).isPresent();
    Repository repository = repos.repositories().registerWorkingTree(orgId, folder);
    WorkingTreeWatchers active = watchers.getIfAvailable();
    if (active != null) {
      active.watch(repository);
    }
    debouncer.submit(BranchChanges.full(repository.id(), repository.defaultBranch()));
    return new Registered(repository, !known);
  }

  private Path localFolder(String raw) {
    Path folder = Path.of(raw.strip());
    if (!folder.isAbsolute()) {
      throw new AtelierException(
          ReposError.INVALID_PATH, "path must be absolute (as the server sees it): " + raw);
    }
    folder = folder.normalize();
    if (!Files.isDirectory(folder)) {
      throw new AtelierException(ReposError.INVALID_PATH, "no such folder: " + folder);
    }
    try {
      return folder.toRealPath();
    } catch (IOException e) {
      throw new AtelierException(ReposError.SOURCE_UNREADABLE, "cannot read " + folder, e);
    }
  }

  private Path clone(String url) {
    Matcher scp = SCP_STYLE.matcher(url.strip());
    if (scp.matches()) {
      // git@host:org/repo.git is ssh://git@host/org/repo.git
      return clone("ssh://" + scp.group(1) + "/" + scp.group(2));
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new AtelierException(ReposError.INVALID_PATH, "not a git URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!GIT_SCHEMES.contains(scheme) || uri.getPath() == null || uri.getPath().isBlank()) {
      throw new AtelierException(
          ReposError.INVALID_PATH,
          "gitUrl must be an https, http, ssh, git or file URL of a repository: " + url);
    }
    String name =
        uri.getPath().replaceAll("/+$", "").replaceAll(".*/", "").replaceAll("\\.git$", "");
    Path clones = settings.dataDir().resolve("clones");
    Path target = clones.resolve(name.isEmpty() ? "repository" : name);
    for (int n = 2; Files.exists(target); n++) {
      target = clones.resolve(name + "-" + n);
    }
    try {
      Files.createDirectories(clones);
      try (Git git =
          Git.cloneRepository()
              .setURI(uri.toString())
              .setDirectory(target.toFile())
              .setTimeout(CLONE_TIMEOUT_SECONDS)
              .call()) {
        return git.getRepository().getWorkTree().toPath().toRealPath();
      }
    } catch (GitAPIException | IOException | RuntimeException e) {
      deleteQuietly(target);
      throw new AtelierException(
          ReposError.SOURCE_UNREADABLE, "could not clone " + url + ": " + e.getMessage(), e);
    }
  }

  // A failed clone leaves no half-written folder behind.
  private static void deleteQuietly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // nothing more to do: the next clone picks another folder name
    }
  }
}
