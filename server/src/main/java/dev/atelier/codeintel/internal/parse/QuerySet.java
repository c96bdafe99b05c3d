package dev.atelier.codeintel.internal.parse;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.SymbolKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A language's extraction rules: the {@code symbols.scm}, {@code imports.scm} and {@code
 * references.scm} resources under {@code dev/atelier/codeintel/queries/<language>/}, run as one
 * query; and the meaning of each capture name.
 *
 * <p>Capture names: {@code @def.<kind>} the whole definition ({@code def.class}, {@code
 * def.method}, ... the lower-case {@link SymbolKind}); {@code @name} its name; {@code @body} its
 * body (the signature ends there); {@code @receiver} an explicit container (Go receivers, C++
 * {@code A::f}); {@code @doc} a docstring node; {@code @scope} a container that is not itself a
 * symbol (Rust {@code impl}), named by {@code @name}; {@code @package} the file's package; {@code
 * @import} an import target, {@code @import.alias} its local name, {@code @import.stmt} the whole
 * statement, {@code @import.from} a module prefix joined to each {@code @import} (the target is its text, keywords stripped, when no {@code @import}); {@code
 * @ref.call}, {@code @ref.type}, {@code @ref.inherit} a referenced name and {@code @ref.qualifier}
 * its receiver or qualifier; {@code @bind.name} a declared local, parameter, field or receiver
 * and {@code @bind.type} its declared type; {@code @ref.args} a call's argument list (typed receivers of references); {@code @_eq.<word>} drops the match unless the node's text is
 * {@code word} (a predicate both backends evaluate the same way). Other captures (e.g. {@code @_x}) are ignored.
 */
public final class QuerySet {

  static final int IGNORED = 0;
  static final int DEF = 1;
  static final int NAME = 2;
  static final int BODY = 3;
  static final int RECEIVER = 4;
  static final int DOC = 5;
  static final int SCOPE = 6;
  static final int PACKAGE = 7;
  static final int IMPORT = 8;
  static final int IMPORT_ALIAS = 9;
  static final int IMPORT_STMT = 10;
  static final int REF_CALL = 11;
  static final int REF_TYPE = 12;
  static final int REF_INHERIT = 13;
  static final int REF_QUALIFIER = 14;
  static final int IMPORT_FROM = 15;
  static final int EQUALS = 16;
  static final int BIND_NAME = 17;
  static final int BIND_TYPE = 18;
  static final int REF_ARGS = 19;

  private static final String[] FILES = {"symbols.scm", "imports.scm", "references.scm"};

  private final Language language;
  private final String source;

  private QuerySet(Language language, String source) {
    this.language = language;
    this.source = source;
  }

  /** Loads the query files of a parsed language from the class path. */
  public static QuerySet load(Language language) {
    StringBuilder text = new StringBuilder();
    // TSX is TypeScript plus JSX: it reads typescript/ and then tsx/ (the JSX patterns).
    List<String> dirs =
        language == Language.TSX ? List.of("typescript", "tsx") : List.of(language.id());
    for (String dir : dirs) {
      for (String file : FILES) {
        append(text, "/dev/atelier/codeintel/queries/" + dir + "/" + file);
      }
    }
    return new QuerySet(language, text.toString());
  }

  private static void append(StringBuilder text, String path) {
    {
      try (InputStream in = QuerySet.class.getResourceAsStream(path)) {
        if (in != null) {
          text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public Language language() {
    return language;
  }

  /** The combined query source. */
  public String source() {
    return source;
  }

  /** The role of each capture, indexed by capture id, from the compiled query's capture names. */
  public static int[] roles(List<String> captureNames) {
    int[] roles = new int[captureNames.size()];
    for (int i = 0; i < roles.length; i++) {
      roles[i] = role(captureNames.get(i));
    }
    return roles;
  }

  /** The text each {@code _eq.*} capture must have, indexed by capture id, else null. */
  public static @Nullable String[] equalities(List<String> captureNames) {
    @Nullable String[] values = new String[captureNames.size()];
    for (int i = 0; i < values.length; i++) {
      String name = captureNames.get(i);
      if (name.startsWith("_eq.")) {
        values[i] = name.substring(4);
      }
    }
    return values;
  }

  /** The symbol kind of each {@code def.*} capture, indexed by capture id, else null. */
  public static @Nullable SymbolKind[] kinds(List<String> captureNames) {
    @Nullable SymbolKind[] kinds = new SymbolKind[captureNames.size()];
    for (int i = 0; i < kinds.length; i++) {
      String name = captureNames.get(i);
      if (name.startsWith("def.")) {
        kinds[i] = SymbolKind.ofId(name.substring(4).toLowerCase(Locale.ROOT));
      }
    }
    return kinds;
  }

  static int role(String name) {
    if (name.startsWith("def.")) {
      return DEF;
    }
    if (name.startsWith("_eq.")) {
      return EQUALS;
    }
    return switch (name) {
      case "name" -> NAME;
      case "body" -> BODY;
      case "receiver" -> RECEIVER;
      case "doc" -> DOC;
      case "scope" -> SCOPE;
      case "package" -> PACKAGE;
      case "import" -> IMPORT;
      case "import.alias" -> IMPORT_ALIAS;
      case "import.stmt" -> IMPORT_STMT;
      case "import.from" -> IMPORT_FROM;
      case "ref.call" -> REF_CALL;
      case "ref.type" -> REF_TYPE;
      case "ref.inherit" -> REF_INHERIT;
      case "ref.qualifier" -> REF_QUALIFIER;
      case "bind.name" -> BIND_NAME;
      case "bind.type" -> BIND_TYPE;
      case "ref.args" -> REF_ARGS;
      default -> IGNORED;
    };
  }
}
