package dev.atelier.cli;

import dev.atelier.codeintel.CodeParser;
import dev.atelier.codeintel.CodeParsers;
import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.ParsedFile;
import dev.atelier.codeintel.SymbolDef;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atelier parse FILE...}: what the code-intelligence parser extracts from files, and which
 * tree-sitter natives did it. A diagnostic: the index runs the same parser.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = "Show the symbols, imports and references parsed from source files.")
final class ParseCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Source files.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--symbols", description = "List each symbol: kind, qualified name, line.")
  boolean symbols;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (CodeParser parser = CodeParsers.create()) {
      out.println("backend: " + parser.backend());
      for (Path file : files) {
        String source;
        try {
          source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          spec.commandLine().getErr().println("atelier: cannot read " + file + ": " + e);
          return 1;
        }
        Language language = Language.ofPath(file.toString());
        ParsedFile parsed = parser.parse(language, source);
        out.printf(
            "%s (%s): %d symbols, %d imports, %d references, %d syntax errors%n",
            file,
            language.id(),
            parsed.symbols().size(),
            parsed.imports().size(),
            parsed.references().size(),
            parsed.syntaxErrors().size());
        if (symbols) {
          for (SymbolDef s : parsed.symbols()) {
            out.printf(
                "  %s %s :%d%n", s.kind().id(), s.qualifiedName(), s.nameRange().startLine());
          }
        }
      }
    }
    return 0;
  }
}
