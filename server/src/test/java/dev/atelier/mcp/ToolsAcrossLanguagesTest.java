package dev.atelier.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.platform.AtelierSettings;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One small repository per supported language (test resources {@code codeintel/repos/LANG}): a
 * library file defines a symbol, a main file imports the library and uses it. Outline, definition,
 * references and import resolution must all hold, through the tools as an agent calls them.
 */
class ToolsAcrossLanguagesTest {

  @TempDir static Path data;

  private static CodeIntelligence core;
  private final ToolCatalog catalog = ToolCatalog.standard();

  @BeforeAll
  static void open() {
    core = CodeIntelligence.open(AtelierSettings.local(data).withDataDir(data), 1);
  }

  @AfterAll
  static void close() {
    core.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "java,       greet,   src/main/java/demo/lib/Greeter.java, src/main/java/demo/app/Main.java",
    "python,     greet,   lib/greeter.py,                      app/main.py",
    "javascript, greet,   src/greeter.js,                      src/main.js",
    "typescript, greet,   src/greeter.ts,                      src/main.ts",
    "tsx,        Greeting, src/Greeting.tsx,                   src/App.tsx",
    "go,         Greet,   greeter/greeter.go,                  cmd/demo/main.go",
    "rust,       greet,   src/greeter.rs,                      src/main.rs",
    "c,          greet,   greeter.h,                           main.c",
    "cpp,        greet,   greeter.hpp,                         main.cpp",
    "csharp,     Greet,   Lib/Greeter.cs,                      App/Program.cs",
    "ruby,       greet,   lib/greeter.rb,                      main.rb",
    "kotlin,     greet,   src/demo/lib/Greeter.kt,             src/demo/app/Main.kt",
    "php,        greet,   src/Greeter.php,                     src/main.php",
  })
  void outlinesDefinitionsReferencesAndImportsHold(
      String language, String symbol, String library, String main) throws Exception {
    ToolScope scope = new FolderScope(() -> core, repository(language));

    assertThat(text("symbols", Map.of("path", library), scope))
        .as("outline of " + library)
        .contains(library + ":")
        .contains(symbol);
    assertThat(text("search_symbols", Map.of("query", symbol), scope))
        .as("definition by name (C: the header and the source file)")
        .contains(library + ":");
    assertThat(text("cross_references", Map.of("symbol", symbol), scope))
        .as("references of " + symbol)
        .contains("  " + main + ": ");
    assertThat(text("dependency_graph", Map.of("path", main), scope))
        .as("imports of " + main)
        .contains("  " + library);
  }

  private String text(String tool, Map<String, Object> arguments, ToolScope scope) {
    return catalog.call(tool, arguments, scope).text();
  }

  private static Path repository(String language) throws URISyntaxException {
    Path path =
        Path.of(
            Objects.requireNonNull(
                    ToolsAcrossLanguagesTest.class.getResource("/codeintel/repos/" + language))
                .toURI());
    assertThat(Files.isDirectory(path)).isTrue();
    return path;
  }
}
