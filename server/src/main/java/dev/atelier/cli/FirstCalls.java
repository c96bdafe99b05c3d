package dev.atelier.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first call of a tool in a fresh process without a serve, as a new {@code atelier mcp} pays
 * it: this program started again (same JVM and flags) in its hidden first-call mode, which opens
 * the core, calls the tool once and prints how long that took. With {@code emptyCache} the data
 * folder's cache files are deleted first, so the call rebuilds what they would hold.
 */
final class FirstCalls {

  static final String MARKER = "first-call-millis ";

  private final Path tree;
  private final Path data;
  private final JsonMapper mapper = JsonMapper.builder().build();

  FirstCalls(Path tree, Path data) {
    this.tree = tree;
    this.data = data;
  }

  /**
   * One first call in a process of its own: milliseconds from opening the core (the database) to
   * the tool's answer, and of those the call alone.
   */
  record Timing(double firstCallMillis, double callMillis) {}

  Timing measure(String tool, Map<String, Object> arguments, boolean emptyCache)
      throws IOException, InterruptedException {
    if (emptyCache) {
      deleteCache();
    }
    List<String> command = new ArrayList<>(javaCommand());
    command.addAll(
        List.of(
            "bench",
            "tools",
            tree.toString(),
            "--data",
            data.toString(),
            "--first-call",
            tool,
            "--first-args",
            mapper.writeValueAsString(arguments)));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Optional<Timing> millis = Optional.empty();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(MARKER)) {
          String[] parts = line.substring(MARKER.length()).trim().split(" ");
          millis =
              Optional.of(new Timing(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
        }
      }
    }
    int exit = process.waitFor();
    return millis.orElseThrow(
        () -> new IllegalStateException("the first-call process of " + tool + " exited " + exit));
  }

  private void deleteCache() throws IOException {
    Path cache = data.resolve("cache");
    if (!Files.isDirectory(cache)) {
      return;
    }
    try (Stream<Path> files = Files.walk(cache)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** This JVM's java binary, flags and program (the jar, or the class path and main class). */
  private static List<String> javaCommand() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // Training runs write an AOT cache at exit; the children must only read it.
      if (!flag.startsWith("-XX:AOTCacheOutput") && !flag.startsWith("-agentlib")) {
        command.add(flag);
      }
    }
    String classPath = System.getProperty("java.class.path");
    if (isBootJar(classPath)) {
      command.addAll(List.of("-jar", classPath));
    } else {
      // An extracted layout or a test run: the class path (or its manifest) holds the classes.
      command.addAll(List.of("-cp", classPath, "dev.atelier.Atelier"));
    }
    return command;
  }

  /** Whether the program runs from Spring Boot's executable jar, whose classes only -jar finds. */
  private static boolean isBootJar(String classPath) {
    if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
      return false;
    }
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(classPath)) {
      return jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/classes/") != null;
    } catch (IOException e) {
      return false;
    }
  }
}
