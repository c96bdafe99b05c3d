package dev.atelier.cli;

import dev.atelier.platform.AtelierException;
import dev.atelier.platform.PlatformError;
import dev.atelier.platform.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credentials {@code atelier login} stores: {@code credentials.json} in the user's config
 * folder ({@code $XDG_CONFIG_HOME/atelier} or {@code ~/.config/atelier}), the folder 0700 and the
 * file 0600, one entry per server. Every write goes to a temporary file that is renamed over the
 * old one, so a reader never sees half a file.
 */
final class CredentialsStore {

  static final String FILE_NAME = "credentials.json";
  // The lock is a file of its own: the credentials file is replaced by a rename on every write,
  // so a lock held on it would guard an inode that is no longer the file.
  private static final String LOCK_NAME = "credentials.lock";

  private final Path folder;
  private final JsonMapper json =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  CredentialsStore(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  /** {@code $XDG_CONFIG_HOME/atelier}, else {@code ~/.config/atelier}. */
  static Path defaultFolder(Map<String, String> environment) {
    String xdg = environment.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("atelier");
  }

  Path file() {
    return folder.resolve(FILE_NAME);
  }

  CredentialsFile read() {
    Path file = file();
    if (!Files.exists(file)) {
      return CredentialsFile.empty();
    }
    try {
      CredentialsFile content =
          json.readValue(Files.readString(file, StandardCharsets.UTF_8), CredentialsFile.class);
      return content == null ? CredentialsFile.empty() : content;
    } catch (IOException e) {
      throw failure("cannot read " + file, e);
    } catch (JacksonException e) {
      throw new AtelierException(
          PlatformError.BAD_REQUEST,
          file + " is not a credentials file Atelier can read; remove it and log in again");
    }
  }

  Optional<ServerCredentials> find(String url) {
    return read().servers().stream().filter(s -> s.url().equals(url)).findFirst();
  }

  /** Adds or replaces the entry of its server, which becomes the default one. */
  void save(ServerCredentials credentials) {
    locked(() -> {
      List<ServerCredentials> servers = new ArrayList<>(read().servers());
      servers.removeIf(s -> s.url().equals(credentials.url()));
      servers.add(credentials);
      write(new CredentialsFile(credentials.url(), servers));
      return Boolean.TRUE;
    });
  }

  /** Replaces the entry of its server, leaving the default as it is (a refresh). */
  void update(ServerCredentials credentials) {
    CredentialsFile content = read();
    List<ServerCredentials> servers = new ArrayList<>(content.servers());
    servers.replaceAll(s -> s.url().equals(credentials.url()) ? credentials : s);
    write(new CredentialsFile(content.current(), servers));
  }

  /** Forgets a server; false when there was no entry for it. */
  boolean remove(String url) {
    return locked(() -> {
      CredentialsFile content = read();
      List<ServerCredentials> servers = new ArrayList<>(content.servers());
      if (!servers.removeIf(s -> s.url().equals(url))) {
        return false;
      }
      @Nullable String current = url.equals(content.current()) ? null : content.current();
      write(new CredentialsFile(current, servers));
      return true;
    });
  }

  /**
   * Runs {@code action} holding the exclusive lock on the credentials, so that two processes never
   * spend the same refresh token (its second use would end the session). Callers in one process
   * must not nest or overlap calls: the lock belongs to the whole JVM.
   */
  <T> T locked(Supplier<T> action) {
    try {
      PrivateFiles.createDirectories(folder);
      Path lockFile = folder.resolve(LOCK_NAME);
      PrivateFiles.createFile(lockFile);
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        return action.get();
      }
    } catch (IOException e) {
      throw failure("cannot lock the credentials in " + folder, e);
    }
  }

  private void write(CredentialsFile content) {
    try {
      PrivateFiles.createDirectories(folder);
      Path temporary = PrivateFiles.createTemporary(folder, FILE_NAME);
      try {
        Files.writeString(temporary, json.writeValueAsString(content), StandardCharsets.UTF_8);
        Files.move(
            temporary, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw failure("cannot write " + file(), e);
    }
  }

  // One line for the user, as every other command-line error.
  private static AtelierException failure(String what, IOException e) {
    return new AtelierException(PlatformError.INTERNAL, what + " (" + e + ")");
  }
}
