package dev.atelier.repos.internal.web;

import dev.atelier.platform.AtelierException;
import dev.atelier.repos.ReposError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which local folders may be registered (and cloned from with {@code file://}): only folders under
 * the configured roots, never a credential folder ({@code ~/.ssh}, {@code ~/.gnupg}, ...) or the
 * data folder, nor anything inside one, nor a folder holding one — except a data folder named
 * {@code .atelier}, which every index walk leaves out wherever it lies. Paths are judged after
 * symbolic links are resolved.
 */
final class LocalFolderPolicy {

  /** Folders under the home folder that hold credentials, as ssh, gpg and cloud CLIs keep them. */
  static final List<String> CREDENTIAL_FOLDERS =
      List.of(
          ".ssh",
          ".gnupg",
          ".aws",
          ".azure",
          ".config/gcloud",
          ".kube",
          ".docker",
          ".password-store",
          ".config/gh",
          ".local/share/keyrings");

  private static final String SKIPPED_DATA_FOLDER_NAME = ".atelier";

  private final List<Path> roots;
  private final List<Path> forbidden;
  private final Path dataDir;

  /**
   * @param roots the folders under which registering is allowed (empty: no local folders at all)
   * @param home the user's home folder, whose credential folders are refused
   * @param dataDir this install's data folder
   */
  LocalFolderPolicy(List<Path> roots, Path home, Path dataDir) {
    this.roots = roots.stream().map(LocalFolderPolicy::real).toList();
    this.dataDir = real(dataDir);
    List<Path> refused = new ArrayList<>();
    for (String folder : CREDENTIAL_FOLDERS) {
      refused.add(real(home.resolve(folder)));
    }
    this.forbidden = List.copyOf(refused);
  }

  /** The folder, resolved to its real path, if it may be registered; a 403 problem otherwise. */
  Path check(Path folder) {
    Path real = real(folder);
    if (roots.isEmpty()) {
      throw refused(
          folder,
          "this server registers no local folders until an admin configures roots"
              + " (atelier.repos.roots)");
    }
    if (roots.stream().noneMatch(real::startsWith)) {
      throw refused(
          folder,
          "it is outside the folders this server may register ("
              + String.join(", ", roots.stream().map(Path::toString).toList())
              + "; atelier.repos.roots configures them)");
    }
    for (Path credentials : forbidden) {
      if (real.startsWith(credentials) || credentials.startsWith(real)) {
        throw refused(folder, "it is or holds a credential folder (" + credentials + ")");
      }
    }
    if (real.startsWith(dataDir)) {
      throw refused(folder, "it is Atelier's own data folder");
    }
    if (dataDir.startsWith(real)
        && !dataDir.getFileName().toString().equals(SKIPPED_DATA_FOLDER_NAME)) {
      throw refused(folder, "it holds Atelier's data folder (" + dataDir + ")");
    }
    return real;
  }

  private static AtelierException refused(Path folder, String why) {
    return new AtelierException(
        ReposError.FOLDER_NOT_ALLOWED, "cannot register " + folder + ": " + why);
  }

  // The real path where the folder exists; else the normalised absolute path (a folder that does
  // not exist yet, such as an unused credential folder, is still refused by name).
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      return absolute;
    }
  }
}
