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
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Adds a repository from the web app or the API: a local folder as it is, or a git URL cloned under
 * the data folder. Either way it is watched (local mode) and fully indexed in the background.
 */
@Component
class RepositoryRegistration {

  static final long DEFAULT_CLONE_MAX_BYTES = 1024L * 1024 * 1024;
  static final Duration DEFAULT_CLONE_MAX_TIME = Duration.ofMinutes(10);

  private final ReposStorage repos;
  private final ChangeDebouncer debouncer;
  private final ObjectProvider<WorkingTreeWatchers> watchers;
  private final AtelierSettings settings;
  private final LocalFolderPolicy folders;
  private final GitUrlPolicy gitUrls;
  private final GuardedClone cloner;
  private final CloneJobs clones;

  RepositoryRegistration(
      ReposStorage repos,
      ChangeDebouncer debouncer,
      ObjectProvider<WorkingTreeWatchers> watchers,
      AtelierSettings settings,
      Environment environment,
      CloneJobs clones) {
    this.repos = repos;
    this.clones = clones;
    this.debouncer = debouncer;
    this.watchers = watchers;
    this.settings = settings;
    Binder binder = Binder.get(environment);
    this.folders =
        new LocalFolderPolicy(
            binder
                .bind("atelier.repos.roots", Bindable.listOf(Path.class))
                .orElseGet(() -> defaultRoots(settings)),
            Path.of(System.getProperty("user.home")),
            settings.dataDir());
    this.gitUrls =
        new GitUrlPolicy(
            folders,
            binder.bind("atelier.repos.allow-private-git-hosts", Boolean.class).orElse(false));
    this.cloner =
        new GuardedClone(
            gitUrls,
            binder
                .bind("atelier.repos.clone-max-bytes", Long.class)
                .orElse(DEFAULT_CLONE_MAX_BYTES),
            binder
                .bind("atelier.repos.clone-max-time", Duration.class)
                .orElse(DEFAULT_CLONE_MAX_TIME));
  }

  // Local mode: the served folder and the user's home; service mode: none until configured.
  private static List<Path> defaultRoots(AtelierSettings settings) {
    return switch (settings.mode()) {
      case LOCAL -> List.of(settings.workspace(), Path.of(System.getProperty("user.home")));
      case SERVICE -> List.of();
    };
  }

  /** What registering found: the repository and whether it was new. */
  record Registered(Repository repository, boolean created) {}

  /**
   * What adding asked for: a folder registered at once, or a git URL that passed the checks and is
   * now being cloned as {@code clone}.
   */
  record Added(@Nullable Registered registered, CloneJobs.@Nullable CloneJob cloneJob) {}

  Added add(long orgId, @Nullable String path, @Nullable String gitUrl) {
    String local = path == null || path.isBlank() ? null : path;
    String remote = gitUrl == null || gitUrl.isBlank() ? null : gitUrl;
    if ((local == null) == (remote == null)) {
      throw new AtelierException(
          ReposError.INVALID_PATH, "give either 'path' (a local folder) or 'gitUrl', not both");
    }
    if (local != null) {
      return new Added(register(orgId, localFolder(local)), null);
    }
    // The URL is judged now (a refusal is this request's 4xx); the clone itself runs as a job.
    GitUrlPolicy.Remote checked = gitUrls.check(java.util.Objects.requireNonNull(remote));
    CloneJobs.CloneJob job =
        clones.start(
            orgId,
            checked.shown(),
            () -> register(orgId, clone(checked)).repository().id().value());
    return new Added(null, job);
  }

  private Registered register(long orgId, Path folder) {
    boolean known = repos.repositories().findByLocation(orgId, folder.toString()).isPresent();
    Repository repository = repos.repositories().registerWorkingTree(orgId, folder);
    WorkingTreeWatchers active = watchers.getIfAvailable();
    if (active != null) {
      active.watch(repository);
    }
    debouncer.submit(
        BranchChanges.full(repository.orgId(), repository.id(), repository.defaultBranch()));
    return new Registered(repository, !known);
  }

  private Path localFolder(String raw) {
    if (raw.indexOf('\0') >= 0) {
      throw new AtelierException(ReposError.INVALID_PATH, "path holds a NUL character");
    }
    Path folder;
    try {
      folder = Path.of(raw.strip());
    } catch (InvalidPathException e) {
      throw new AtelierException(ReposError.INVALID_PATH, "not a path: " + e.getReason());
    }
    if (!folder.isAbsolute()) {
      throw new AtelierException(
          ReposError.INVALID_PATH, "path must be absolute (as the server sees it): " + raw);
    }
    folder = folder.normalize();
    Path allowed = folders.check(folder);
    if (!Files.isDirectory(allowed)) {
      throw new AtelierException(ReposError.INVALID_PATH, "no such folder: " + folder);
    }
    return allowed;
  }

  private Path clone(GitUrlPolicy.Remote remote) {
    String name =
        URI.create(remote.url())
            .getPath()
            .replaceAll("/+$", "")
            .replaceAll(".*/", "")
            .replaceAll("\\.git$", "")
            .replaceAll("[^A-Za-z0-9._-]", "_");
    Path clones = settings.dataDir().resolve("clones");
    String base = name.isEmpty() || name.startsWith(".") ? "repository" : name;
    Path target = clones.resolve(base);
    for (int n = 2; Files.exists(target); n++) {
      target = clones.resolve(base + "-" + n);
    }
    try {
      Files.createDirectories(clones);
    } catch (IOException e) {
      throw new AtelierException(ReposError.SOURCE_UNREADABLE, "cannot create " + clones, e);
    }
    return cloner.cloneInto(remote, target);
  }
}
