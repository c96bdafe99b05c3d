package dev.atelier.repos;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.IntStream;

/**
 * A process that starts replacing a branch's manifest and stops halfway, announcing it on stdout,
 * so that a test can kill it there with SIGKILL: the harshest way indexing can die.
 *
 * <p>Arguments: {@code sqlite WORKSPACE} or {@code postgresql URL}, then org id, branch id and the
 * number of entries (whose blobs the test has stored: {@link #text} of 0 … n-1).
 */
final class KilledManifestWriter {

  static final String MIDWAY = "midway through the manifest";

  private KilledManifestWriter() {}

  static String text(int i) {
    return "class Killed" + i + " {}";
  }

  public static void main(String[] args) throws Exception {
    AtelierSettings settings =
        args[0].equals("sqlite")
            ? AtelierSettings.local(Path.of(args[1]))
            : AtelierSettings.local(Files.createTempDirectory("killed"))
                .withService(args[1], "redis://127.0.0.1:6379");
    long org = Long.parseLong(args[2]);
    BranchId branch = new BranchId(Long.parseLong(args[3]));
    int count = Integer.parseInt(args[4]);
    try (Database database = Database.open(settings)) {
      Iterable<ManifestEntry> entries =
          () ->
              new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                  return next < count;
                }

                @Override
                public ManifestEntry next() {
                  if (next == count / 2) {
                    announceAndWait();
                  }
                  int i = next++;
                  return new ManifestEntry(
                      RepoPath.of("killed/File" + i + ".java"),
                      Sha256.of(text(i).getBytes(StandardCharsets.UTF_8)));
                }
              };
      ReposStorage.of(database).manifests().replace(org, branch, entries, "killed");
    }
  }

  private static void announceAndWait() {
    System.out.println(MIDWAY);
    System.out.flush();
    try {
      Thread.sleep(120_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the writer in its own JVM with this test's class path. */
  static Process start(String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    var command = new java.util.ArrayList<String>();
    command.add(java.toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(KilledManifestWriter.class.getName());
    IntStream.range(0, args.length).forEach(i -> command.add(args[i]));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
