package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar loads the -O2 tree-sitter natives from inside itself: {@code atelier parse} run
 * from the fat jar, with an empty home folder, extracts the library and parses with it.
 */
class NativesFromJarIT {

  @TempDir Path home;

  private String run(String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void withoutTheOptimisedNativesTheJarParsesWithBonede() throws Exception {
    String jar = System.getProperty("atelier.jar");
    assertThat(jar).as("system property atelier.jar (set by failsafe)").isNotNull();
    Path source = home.resolve("hello.py");
    Files.writeString(source, "def greet():\n    return 1\n");
    String out =
        run(
            "--enable-native-access=ALL-UNNAMED",
            "-Datelier.natives.disabled=true",
            "-Duser.home=" + home,
            "-jar",
            jar,
            "parse",
            "--symbols",
            source.toString());
    assertThat(out).contains("backend: bonede").contains("function greet :1");
  }

  @Test
  void fatJarExtractsAndLoadsTheOptimisedNatives() throws Exception {
    String jar = System.getProperty("atelier.jar");
    assertThat(jar).as("system property atelier.jar (set by failsafe)").isNotNull();
    try (ZipFile zip = new ZipFile(jar)) {
      assumeThat(zip.getEntry("BOOT-INF/classes/natives/linux-x86_64/libatelier-treesitter.so"))
          .as("natives built into the jar (not skipped)")
          .isNotNull();
    }
    Path source = home.resolve("Hello.java");
    Files.writeString(
        source,
        "package demo;\n/** Greets. */\nclass Hello { void greet() { System.out.println(1); } }\n");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Duser.home=" + home,
                "-jar",
                jar,
                "parse",
                "--symbols",
                source.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("backend: tree-sitter-o2")
        .contains("2 symbols, 0 imports")
        .contains("class demo.Hello :3")
        .contains("method demo.Hello.greet :3");
    try (Stream<Path> files = Files.walk(home.resolve(".cache/atelier/natives/lib"))) {
      List<String> names = files.map(f -> f.getFileName().toString()).toList();
      assertThat(names).contains("libatelier-treesitter.so");
    }
  }
}
