package dev.atelier.codeintel.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds the optimised tree-sitter library the build put at {@code
 * natives/linux-x86_64/libatelier-treesitter.so} on the class path (in {@code target/classes}, or
 * inside the application jar) and extracts it to a file the OS can map: {@code
 * ~/.cache/atelier/natives/lib/<hash>/} (or the temp folder when that is not writable). System
 * property {@code atelier.natives.path} points at a library file to use instead.
 */
public final class NativeLibrary {

  static final String LIBRARY = "libatelier-treesitter.so";

  private static final Object LOCK = new Object();
  private static boolean looked;
  private static Optional<Path> resolved = Optional.empty();
  private static volatile String reason = "not looked up yet";

  private NativeLibrary() {}

  /** The library's file, extracted once per JVM; empty when there is none for this platform. */
  public static Optional<Path> path() {
    synchronized (LOCK) {
      if (!looked) {
        resolved = locate();
        looked = true;
      }
      return resolved;
    }
  }

  /** Why the optimised backend is not in use, for logs and errors. */
  public static String unavailableReason() {
    return reason;
  }

  public static void unavailable(String why) {
    reason = why;
  }

  /** The class-path resource of the library for this OS and architecture. */
  public static String resource() {
    return "/natives/" + platform() + "/" + LIBRARY;
  }

  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("linux") ? "linux" : os.replaceAll("[^a-z]", "");
    String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
    return o + "-" + a;
  }

  private static Optional<Path> locate() {
    String override = System.getProperty("atelier.natives.path");
    if (override != null && !override.isBlank()) {
      Path p = Path.of(override);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
      reason = "atelier.natives.path " + override + " is not a file";
      return Optional.empty();
    }
    if (Boolean.getBoolean("atelier.natives.disabled")) {
      reason = "atelier.natives.disabled is set";
      return Optional.empty();
    }
    String resource = resource();
    if (NativeLibrary.class.getResource(resource) == null) {
      reason = "no " + resource + " on the class path (built with natives skipped, or no gcc)";
      return Optional.empty();
    }
    String hash = hash();
    for (Path dir :
        new Path[] {
          Path.of(System.getProperty("user.home"), ".cache", "atelier", "natives", "lib", hash),
          Path.of(System.getProperty("java.io.tmpdir"), "atelier-natives-" + hash)
        }) {
      try {
        return Optional.of(extract(resource, dir));
      } catch (IOException | RuntimeException e) {
        reason = "could not extract " + resource + " to " + dir + ": " + e;
      }
    }
    return Optional.empty();
  }

  private static String hash() {
    try (InputStream in = NativeLibrary.class.getResourceAsStream(resource() + ".properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String h = p.getProperty("hash");
        if (h != null && h.matches("[0-9a-f]{1,64}")) {
          return h;
        }
      }
    } catch (IOException e) {
      // fall through: no hash, extract per process
    }
    return "p" + ProcessHandle.current().pid();
  }

  private static Path extract(String resource, Path dir) throws IOException {
    Path target = dir.resolve(LIBRARY);
    Files.createDirectories(dir);
    try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing " + resource);
      }
      if (Files.isRegularFile(target)) {
        return target; // same hash: same bytes
      }
      // Write to a unique file, then move: concurrent JVMs never see a half-written library.
      Path tmp = Files.createTempFile(dir, LIBRARY, ".tmp");
      try {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return target;
  }
}
