package dev.atelier.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files only their owner may read: the data folder (0700) and what it holds directly (0600 for
 * files: the database, tokens, keys). Java has no umask, so each is created with its mode, and an
 * install made before this is tightened on start. On file systems without POSIX modes these do
 * nothing beyond creating.
 */
public final class PrivateFiles {

  public static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  public static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /** Creates {@code folder} (and missing parents, with default modes) as an owner-only folder. */
  public static void createDirectories(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      Path parent = folder.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        Files.createDirectory(folder, folderAttributes(folder));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // made concurrently: tightened below
      }
    }
    restrictFolder(folder);
  }

  /**
   * Creates a data folder: owner-only, with a {@code .gitignore} of {@code *} so that a data folder
   * inside a repository (the default, {@code .atelier}) never reaches a commit with its token.
   */
  public static void createDataFolder(Path folder) throws IOException {
    createDirectories(folder);
    Path ignore = folder.resolve(".gitignore");
    if (!Files.exists(ignore)) {
      Path temporary = createTemporary(folder, ".gitignore");
      try {
        Files.writeString(temporary, "# Atelier's data: never commit it (it holds tokens)\n*\n");
        Files.move(temporary, ignore, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** An empty owner-only temporary file in {@code folder}, to be written and moved into place. */
  public static Path createTemporary(Path folder, String prefix) throws IOException {
    return Files.createTempFile(folder, prefix, ".tmp", fileAttributes(folder));
  }

  /** Creates {@code file} empty and owner-only if it does not exist yet; tightens it otherwise. */
  public static void createFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      try {
        Files.createFile(file, fileAttributes(file.toAbsolutePath()));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // made concurrently: tightened below
      }
    }
    restrict(file);
  }

  /** Takes group and other access away from a file. */
  public static void restrict(Path file) throws IOException {
    if (isPosix(file) && Files.isRegularFile(file)) {
      if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    }
  }

  /**
   * Tightens a data folder made by an older version: the folder becomes 0700 and the files directly
   * inside it 0600 (what lies deeper is unreachable to others once the folder is closed).
   */
  public static void tightenDataFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    restrictFolder(folder);
    try (Stream<Path> children = Files.list(folder)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        restrict(child);
      }
    }
  }

  private static void restrictFolder(Path folder) throws IOException {
    if (isPosix(folder) && !Files.getPosixFilePermissions(folder).equals(OWNER_ONLY_FOLDER)) {
      Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
    }
  }

  private static FileAttribute<?>[] fileAttributes(Path near) {
    return isPosix(near)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  private static FileAttribute<?>[] folderAttributes(Path near) {
    return isPosix(near)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER)}
        : new FileAttribute<?>[0];
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
