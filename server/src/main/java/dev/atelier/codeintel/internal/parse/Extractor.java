package dev.atelier.codeintel.internal.parse;

import dev.atelier.codeintel.ImportDecl;
import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.NameRef;
import dev.atelier.codeintel.ParsedFile;
import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.SourceRange;
import dev.atelier.codeintel.SymbolDef;
import dev.atelier.codeintel.SymbolKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns the flat match buffer a backend produced into a {@link ParsedFile}. Both backends write the
 * same layout (see {@code server/natives/atelier_extract.c}):
 *
 * <pre>
 * [status, errorCount, matchCount, truncated]
 * errorCount x [missing, startByte, endByte, startRow, startCol, endRow, endCol]
 * matchCount x [patternIndex, captureCount, captureCount x [captureId, startByte, endByte,
 *               startRow, startCol, endRow, endCol]]
 * </pre>
 *
 * All text is read by byte range from the file's UTF-8 bytes; containers are resolved with an
 * explicit stack (no recursion).
 */
public final class Extractor {

  /** Ints per node in the buffer (after the capture id / missing flag). */
  static final int NODE = 6;

  private static final java.util.regex.Pattern XML_TAG =
      java.util.regex.Pattern.compile("</?[a-zA-Z][^>]*>");

  private final Language language;
  private final int[] roles;
  private final @Nullable SymbolKind[] kinds;
  private final @Nullable String[] equalities;

  public Extractor(Language language, List<String> captureNames) {
    this.language = language;
    this.roles = QuerySet.roles(captureNames);
    this.kinds = QuerySet.kinds(captureNames);
    this.equalities = QuerySet.equalities(captureNames);
  }

  public Language language() {
    return language;
  }

  /** The result for a file that was not parsed (too large, or the natives failed). */
  public static ParsedFile empty(Language language) {
    return new ParsedFile(language, "", List.of(), List.of(), List.of(), List.of());
  }

  /** Decodes {@code buf[0..len)} for the file whose UTF-8 content is {@code src}. */
  public ParsedFile extract(byte[] src, int[] buf, int len) {
    int errors = buf[1];
    int matches = buf[2];
    int p = 4;
    List<SourceRange> syntaxErrors = new ArrayList<>(errors);
    for (int i = 0; i < errors && p + 1 + NODE <= len; i++) {
      syntaxErrors.add(range(buf, p + 1));
      p += 1 + NODE;
    }
    String packageName = "";
    List<Def> defs = new ArrayList<>();
    List<ImportDecl> imports = new ArrayList<>();
    List<Ref> refs = new ArrayList<>();
    List<ReceiverTypes.Binding> bindings = new ArrayList<>();
    for (int m = 0; m < matches && p + 2 <= len; m++) {
      int pattern = buf[p];
      int count = buf[p + 1];
      int first = p + 2;
      p = first + count * (1 + NODE);
      if (p > len) {
        break;
      }
      int def = -1;
      int name = -1;
      int body = -1;
      int receiver = -1;
      int doc = -1;
      int scope = -1;
      int alias = -1;
      int stmt = -1;
      int from = -1;
      int qualifier = -1;
      int bindName = -1;
      int bindType = -1;
      int args = -1;
      boolean hasImport = false;
      boolean hasRef = false;
      boolean rejected = false;
      for (int c = 0; c < count && !rejected; c++) {
        int at = first + c * (1 + NODE);
        int capture = buf[at];
        int role = capture < roles.length ? roles[capture] : QuerySet.IGNORED;
        switch (role) {
          case QuerySet.DEF -> def = at;
          case QuerySet.NAME -> name = name < 0 ? at : name;
          case QuerySet.BODY -> body = body < 0 ? at : body;
          case QuerySet.RECEIVER -> receiver = receiver < 0 ? at : receiver;
          case QuerySet.DOC -> doc = doc < 0 ? at : doc;
          case QuerySet.SCOPE -> scope = at;
          case QuerySet.PACKAGE -> {
            if (packageName.isEmpty()) {
              packageName = collapse(text(src, buf, at + 1), true);
            }
          }
          case QuerySet.IMPORT -> hasImport = true;
          case QuerySet.IMPORT_ALIAS -> alias = at;
          case QuerySet.IMPORT_STMT -> stmt = at;
          case QuerySet.IMPORT_FROM -> from = at;
          case QuerySet.REF_CALL, QuerySet.REF_TYPE, QuerySet.REF_INHERIT -> hasRef = true;
          case QuerySet.REF_QUALIFIER -> qualifier = at;
          case QuerySet.EQUALS -> rejected = !text(src, buf, at + 1).equals(equalities[capture]);
          case QuerySet.BIND_NAME -> bindName = at;
          case QuerySet.BIND_TYPE -> bindType = at;
          case QuerySet.REF_ARGS -> args = at;
          default -> {}
        }
      }
      if (rejected) {
        continue;
      }
      if (def >= 0 && name >= 0) {
        SymbolKind kind = kinds[buf[def]];
        if (kind != null) {
          defs.add(
              new Def(
                  kind,
                  pattern,
                  def + 1,
                  name + 1,
                  plus1(body),
                  plus1(receiver),
                  plus1(doc),
                  false));
        }
      } else if (scope >= 0 && name >= 0) {
        defs.add(new Def(SymbolKind.MODULE, pattern, scope + 1, name + 1, -1, -1, -1, true));
      }
      if (bindName >= 0 && bindType >= 0) {
        String type = collapse(text(src, buf, bindType + 1), false);
        if (!type.isEmpty()) {
          bindings.add(
              new ReceiverTypes.Binding(text(src, buf, bindName + 1), type, buf[bindName + 1]));
        }
      }
      if (hasImport || stmt >= 0) {
        addImports(src, buf, first, count, alias, stmt, from, hasImport, imports);
      }
      if (hasRef) {
        String q = qualifier >= 0 ? collapse(text(src, buf, qualifier + 1), true) : null;
        int arguments = args >= 0 ? countArguments(text(src, buf, args + 1)) : -1;
        for (int c = 0; c < count; c++) {
          int at = first + c * (1 + NODE);
          int capture = buf[at];
          int role = capture < roles.length ? roles[capture] : QuerySet.IGNORED;
          if (role == QuerySet.REF_CALL
              || role == QuerySet.REF_TYPE
              || role == QuerySet.REF_INHERIT) {
            refs.add(new Ref(at + 1, role, q, role == QuerySet.REF_CALL ? arguments : -1));
          }
        }
      }
    }
    List<SymbolDef> symbols = symbols(src, buf, defs, packageName);
    return new ParsedFile(
        language,
        packageName,
        symbols,
        dedupeImports(imports),
        references(src, buf, refs, symbols, new ReceiverTypes(language, bindings, symbols)),
        syntaxErrors);
  }

  /** One import found by several patterns: keep it once, with its alias if any pattern saw one. */
  private static List<ImportDecl> dedupeImports(List<ImportDecl> imports) {
    if (imports.size() < 2) {
      return imports;
    }
    List<ImportDecl> out = new ArrayList<>(imports.size());
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    for (ImportDecl d : imports) {
      String key = d.range().startByte() + ":" + d.target();
      Integer at = seen.putIfAbsent(key, out.size());
      if (at == null) {
        out.add(d);
      } else if (out.get(at).alias() == null && d.alias() != null) {
        out.set(at, d);
      }
    }
    out.sort(Comparator.comparingInt(d -> d.range().startByte()));
    return out;
  }

  private static int plus1(int at) {
    return at < 0 ? -1 : at + 1;
  }

  private static int priority(int role) {
    return switch (role) {
      case QuerySet.REF_INHERIT -> 0;
      case QuerySet.REF_CALL -> 1;
      default -> 2;
    };
  }

  private void addImports(
      byte[] src,
      int[] buf,
      int first,
      int count,
      int alias,
      int stmt,
      int from,
      boolean hasImport,
      List<ImportDecl> imports) {
    String aliasText = alias >= 0 ? text(src, buf, alias + 1) : null;
    String prefix = from >= 0 ? unquote(collapse(text(src, buf, from + 1), true)) : "";
    if (!hasImport) {
      String target = stripImportKeywords(text(src, buf, stmt + 1));
      if (!target.isEmpty()) {
        imports.add(new ImportDecl(target, aliasText, range(buf, stmt + 1)));
      }
      return;
    }
    for (int c = 0; c < count; c++) {
      int at = first + c * (1 + NODE);
      int capture = buf[at];
      if (capture < roles.length && roles[capture] == QuerySet.IMPORT) {
        String target = unquote(collapse(text(src, buf, at + 1), true));
        if (!prefix.isEmpty()) {
          target = joinImport(prefix, target);
        }
        if (!target.isEmpty()) {
          imports.add(new ImportDecl(target, aliasText, range(buf, stmt >= 0 ? stmt + 1 : at + 1)));
        }
      }
    }
  }

  private String joinImport(String prefix, String name) {
    return switch (language) {
      case RUST, CPP -> prefix + "::" + name;
      case PHP -> prefix + "\\" + name;
      default -> prefix.endsWith(".") || prefix.endsWith("/") ? prefix + name : prefix + "." + name;
    };
  }

  // ---- symbols ----

  /** One definition match; offsets point at node records in the buffer (-1 when absent). */
  private record Def(
      SymbolKind kind,
      int pattern,
      int node,
      int name,
      int body,
      int receiver,
      int doc,
      boolean scopeOnly) {}

  private List<SymbolDef> symbols(byte[] src, int[] buf, List<Def> defs, String packageName) {
    if (defs.isEmpty()) {
      return List.of();
    }
    // Outer definitions first; for one name token keep the first pattern in the query files.
    defs.sort(
        Comparator.<Def>comparingInt(d -> buf[d.node])
            .thenComparingInt(d -> -buf[d.node + 1])
            .thenComparingInt(Def::pattern));
    int n = defs.size();
    String[] qualified = new String[n];
    int[] stack = new int[n];
    int depth = 0;
    List<SymbolDef> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Def d = defs.get(i);
      int start = buf[d.node];
      int end = buf[d.node + 1];
      while (depth > 0 && buf[defs.get(stack[depth - 1]).node + 1] <= start) {
        depth--;
      }
      if (isDuplicate(defs, buf, stack, depth, d)) {
        continue;
      }
      Def parent = null;
      String parentQualified = null;
      if (depth > 0) {
        parent = defs.get(stack[depth - 1]);
        parentQualified = qualified[stack[depth - 1]];
      }
      String name = simpleName(text(src, buf, d.name));
      SymbolKind kind = d.kind;
      String container = parentQualified;
      if (d.receiver >= 0) {
        String receiver = receiverName(text(src, buf, d.receiver));
        container = join(parentQualified != null ? parentQualified : packageName, receiver, null);
      }
      boolean inType =
          d.receiver >= 0 || (parent != null && (parent.scopeOnly || isTypeLike(parent.kind)));
      if (kind == SymbolKind.FUNCTION && inType) {
        kind = SymbolKind.METHOD;
      }
      if (kind == SymbolKind.METHOD
          && (isConstructorName(name)
              || (language == Language.CPP
                  && container != null
                  && isCppConstructor(container, name)))) {
        kind = SymbolKind.CONSTRUCTOR;
      }
      if (kind == SymbolKind.PROPERTY
          && ((language == Language.PHP && name.startsWith("$"))
              || (language == Language.RUBY && name.startsWith(":")))) {
        name = name.substring(1);
      }
      String base = container != null ? container : packageName;
      String qn = join(base, name, kind);
      qualified[i] = qn;
      if (end > start && holdsDefinitions(d)) {
        stack[depth++] = i;
      }
      if (d.scopeOnly) {
        continue;
      }
      String signature = signature(src, buf, d);
      String doc = d.doc >= 0 ? docstring(text(src, buf, d.doc)) : leadingDoc(src, buf[d.node]);
      if (doc != null && language == Language.CSHARP) {
        doc = limitDoc(XML_TAG.matcher(doc).replaceAll("").strip());
      }
      if (language == Language.GO && !signature.startsWith("type ")) {
        signature =
            switch (kind) {
              case STRUCT -> "type " + signature + " struct";
              case INTERFACE -> "type " + signature + " interface";
              case TYPE_ALIAS -> "type " + signature;
              default -> signature;
            };
      }
      out.add(
          new SymbolDef(
              name, kind, container, qn, signature, doc, range(buf, d.node), range(buf, d.name)));
    }
    return out;
  }

  private static boolean isDuplicate(List<Def> defs, int[] buf, int[] stack, int depth, Def d) {
    // The same name token defined by two patterns: the earlier pattern (sorted first) wins.
    for (int k = depth - 1; k >= 0 && k >= depth - 3; k--) {
      Def other = defs.get(stack[k]);
      if (buf[other.name] == buf[d.name] && buf[other.name + 1] == buf[d.name + 1]) {
        return true;
      }
    }
    return false;
  }

  private boolean isTypeLike(SymbolKind kind) {
    return switch (kind) {
      case CLASS, INTERFACE, ENUM, RECORD, STRUCT, TRAIT -> true;
      case MODULE -> language == Language.RUBY;
      default -> false;
    };
  }

  /** C++ {@code A::A()} / {@code A::~A()} defined out of line. */
  private static boolean isCppConstructor(String container, String name) {
    int cut = container.lastIndexOf("::");
    String type = cut >= 0 ? container.substring(cut + 2) : container;
    return name.equals(type) || name.equals("~" + type);
  }

  private boolean isConstructorName(String name) {
    return switch (language) {
      case PYTHON -> name.equals("__init__");
      case RUBY -> name.equals("initialize");
      case PHP -> name.equals("__construct");
      default -> false;
    };
  }

  /** Whether definitions inside this one get it as their container. */
  private static boolean holdsDefinitions(Def d) {
    return d.scopeOnly
        || d.kind.isContainer()
        || d.kind == SymbolKind.FUNCTION
        || d.kind == SymbolKind.METHOD
        || d.kind == SymbolKind.CONSTRUCTOR;
  }

  private String join(String base, String name, @Nullable SymbolKind kind) {
    if (base.isEmpty()) {
      return name;
    }
    String sep =
        switch (language) {
          case RUST, CPP, RUBY -> "::";
          case PHP ->
              kind == null || kind.isContainer() || kind == SymbolKind.FUNCTION ? "\\" : "::";
          default -> ".";
        };
    return base + sep + name;
  }

  private static String receiverName(String text) {
    // Go "(s *Server)" / "*Server" / "Server[T]"; C++ "ns::Type"
    String t = text.strip();
    int generic = t.indexOf('[');
    if (generic > 0) {
      t = t.substring(0, generic);
    }
    int angle = t.indexOf('<');
    if (angle > 0) {
      t = t.substring(0, angle);
    }
    while (t.startsWith("*") || t.startsWith("&")) {
      t = t.substring(1).strip();
    }
    return t;
  }

  private static String simpleName(String text) {
    String t = text.strip();
    int cut = Math.max(t.lastIndexOf("::"), -1);
    if (cut >= 0) {
      t = t.substring(cut + 2);
    }
    return t;
  }

  private String signature(byte[] src, int[] buf, Def d) {
    int start = buf[d.node];
    int end = d.body >= 0 ? buf[d.body] : buf[d.node + 1];
    if (d.body < 0 || end <= start) {
      // No body: the first line of the declaration.
      int stop = buf[d.node + 1];
      end = start;
      while (end < stop && src[end] != '\n') {
        end++;
      }
    }
    end = Math.min(end, start + 400);
    String s = collapse(new String(src, start, end - start, StandardCharsets.UTF_8), false);
    while (!s.isEmpty()) {
      char last = s.charAt(s.length() - 1);
      if (last == '{' || last == ':' || last == ';' || last == '=' || last == ' ') {
        s = s.substring(0, s.length() - 1);
      } else if (s.endsWith("=>") || s.endsWith("->")) {
        s = s.substring(0, s.length() - 2);
      } else if (s.endsWith(" do")) {
        s = s.substring(0, s.length() - 3);
      } else {
        break;
      }
    }
    return s.length() > 300 ? s.substring(0, 300) : s;
  }

  // ---- doc comments ----

  private @Nullable String leadingDoc(byte[] src, int start) {
    if (language == Language.PYTHON) {
      return null;
    }
    int p = lineStartIfOnlyKeywords(src, start);
    // Skip attribute / annotation / decorator lines between the comment and the definition.
    while (true) {
      int lineEnd = skipBackBlank(src, p);
      if (lineEnd < 0) {
        return null;
      }
      int lineStart = lineStart(src, lineEnd);
      int first = firstNonBlank(src, lineStart, lineEnd + 1);
      byte b = src[first];
      boolean attribute =
          (b == '@' && language != Language.RUBY)
              || (b == '#' && first + 1 <= lineEnd && src[first + 1] == '[')
              || (b == '[' && language == Language.CSHARP);
      if (!attribute) {
        break;
      }
      p = lineStart;
    }
    int end = skipBackBlank(src, p);
    if (end < 0 || p - end > 3 && countNewlines(src, end, p) > 1) {
      return null;
    }
    if (end >= 1 && src[end] == '/' && src[end - 1] == '*') {
      int open = indexOfBackward(src, end - 2, (byte) '/', (byte) '*');
      if (open < 0 || open + 2 >= src.length || (src[open + 2] != '*' && src[open + 2] != '!')) {
        return null;
      }
      return blockDoc(
          new String(src, open + 3, Math.max(0, end - 1 - (open + 3)), StandardCharsets.UTF_8));
    }
    String marker =
        switch (language) {
          case RUST, CSHARP -> "///";
          case GO, C, CPP -> "//";
          case RUBY -> "#";
          default -> null;
        };
    if (marker == null) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    int cursor = end;
    while (cursor >= 0) {
      int ls = lineStart(src, cursor);
      int first = firstNonBlank(src, ls, cursor + 1);
      String line = new String(src, first, cursor + 1 - first, StandardCharsets.UTF_8);
      if (!line.startsWith(marker) || (marker.equals("#") && line.startsWith("#!"))) {
        break;
      }
      String body = line.substring(marker.length());
      if (marker.equals("//") && body.startsWith("/")) {
        body = body.substring(1);
      }
      lines.add(body.startsWith(" ") ? body.substring(1) : body);
      if (ls == 0) {
        break;
      }
      cursor = ls - 2;
      if (cursor < 0 || src[cursor + 1] != '\n') {
        break;
      }
      // Stop at a blank line.
      if (cursor >= 0
          && (src[cursor] == '\n'
              || src[cursor] == '\r' && cursor > 0 && src[cursor - 1] == '\n')) {
        break;
      }
    }
    if (lines.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = lines.size() - 1; i >= 0; i--) {
      sb.append(lines.get(i).stripTrailing());
      if (i > 0) {
        sb.append('\n');
      }
    }
    return limitDoc(sb.toString().strip());
  }

  private static int countNewlines(byte[] src, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (src[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /** The position to look back from: the line start when only keywords precede the node. */
  private static int lineStartIfOnlyKeywords(byte[] src, int start) {
    int i = start - 1;
    while (i >= 0 && src[i] != '\n') {
      byte b = src[i];
      if (!(Character.isLetter(b) || b == ' ' || b == '\t' || b == '(' || b == ')')) {
        return start;
      }
      i--;
    }
    return i + 1;
  }

  /** The last non-blank byte before {@code p}, or -1. */
  private static int skipBackBlank(byte[] src, int p) {
    int i = p - 1;
    while (i >= 0 && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r')) {
      i--;
    }
    return i;
  }

  private static int lineStart(byte[] src, int p) {
    int i = p;
    while (i > 0 && src[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  private static int firstNonBlank(byte[] src, int from, int to) {
    int i = from;
    while (i < to - 1 && (src[i] == ' ' || src[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static int indexOfBackward(byte[] src, int from, byte a, byte b) {
    for (int i = Math.min(from, src.length - 2); i >= 0; i--) {
      if (src[i] == a && src[i + 1] == b) {
        return i;
      }
    }
    return -1;
  }

  private static @Nullable String blockDoc(String inner) {
    StringBuilder sb = new StringBuilder();
    for (String line : inner.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("*")) {
        t = t.substring(1).strip();
      }
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(t.stripTrailing());
    }
    return limitDoc(sb.toString().strip());
  }

  private static @Nullable String docstring(String literal) {
    String t = literal.strip();
    int i = 0;
    while (i < t.length() && Character.isLetter(t.charAt(i))) {
      i++;
    }
    t = t.substring(i);
    for (String q : new String[] {"\"\"\"", "'''", "\"", "'"}) {
      if (t.startsWith(q) && t.endsWith(q) && t.length() >= 2 * q.length()) {
        t = t.substring(q.length(), t.length() - q.length());
        break;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String line : t.split("\n", -1)) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(line.strip());
    }
    return limitDoc(sb.toString().strip());
  }

  private static @Nullable String limitDoc(String doc) {
    if (doc.isEmpty()) {
      return null;
    }
    return doc.length() > 4000 ? doc.substring(0, 4000) : doc;
  }

  // ---- references ----

  private record Ref(int node, int role, @Nullable String qualifier, int arguments) {}

  private List<NameRef> references(
      byte[] src, int[] buf, List<Ref> refs, List<SymbolDef> symbols, ReceiverTypes types) {
    if (refs.isEmpty()) {
      return List.of();
    }
    // A definition's own name token is not a use of it.
    int[] defined = new int[symbols.size()];
    for (int i = 0; i < defined.length; i++) {
      defined[i] = symbols.get(i).nameRange().startByte();
    }
    Arrays.sort(defined);
    // Source order; for one token keep the strongest use (inherit > call > type).
    refs.sort(
        Comparator.<Ref>comparingInt(r -> buf[r.node])
            .thenComparingInt(r -> buf[r.node + 1])
            .thenComparingInt(r -> priority(r.role)));
    List<NameRef> out = new ArrayList<>(refs.size());
    int lastStart = -1;
    int lastEnd = -1;
    for (Ref r : refs) {
      int start = buf[r.node];
      int end = buf[r.node + 1];
      if (start == lastStart && end == lastEnd) {
        continue;
      }
      lastStart = start;
      lastEnd = end;
      if (r.role == QuerySet.REF_TYPE && Arrays.binarySearch(defined, start) >= 0) {
        continue;
      }
      String text = text(src, buf, r.node);
      String qualifier = r.qualifier;
      int cut = lastSeparator(text);
      String name = text;
      if (cut >= 0) {
        int sepLen = text.startsWith("::", cut) ? 2 : 1;
        if (qualifier == null) {
          qualifier = text.substring(0, cut);
        }
        name = text.substring(cut + sepLen);
      }
      int generic = name.indexOf('<');
      if (generic > 0) {
        name = name.substring(0, generic);
      }
      name = name.strip();
      if (name.isEmpty()) {
        continue;
      }
      RefKind kind =
          switch (r.role) {
            case QuerySet.REF_CALL -> RefKind.CALL;
            case QuerySet.REF_INHERIT -> RefKind.INHERIT;
            default -> RefKind.TYPE;
          };
      out.add(
          new NameRef(
              name,
              kind,
              qualifier,
              range(buf, r.node),
              qualifier == null ? null : types.of(qualifier, start),
              r.arguments));
    }
    return out;
  }

  private static int lastSeparator(String text) {
    int best = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<' || c == '(' || c == '[') {
        break;
      }
      if (c == '.' || c == '\\') {
        best = i;
      } else if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
        best = i;
        i++;
      }
    }
    return best;
  }

  // ---- helpers ----

  /**
   * The number of arguments in a call's argument list as written ({@code (a, f(b, c))} is 2):
   * top-level commas, outside strings, characters, brackets and lambda bodies.
   */
  private static int countArguments(String list) {
    String t = list.strip();
    if (!t.startsWith("(") || !t.endsWith(")")) {
      return -1;
    }
    int depth = 0;
    int commas = 0;
    boolean any = false;
    for (int i = 1; i < t.length() - 1; i++) {
      char c = t.charAt(i);
      if (c == '"' || c == '\'') {
        i = closing(t, i, c);
        any = true;
        continue;
      }
      switch (c) {
        case '(', '[', '{' -> depth++;
        case ')', ']', '}' -> depth--;
        case ',' -> commas += depth == 0 ? 1 : 0;
        default -> {}
      }
      if (!Character.isWhitespace(c)) {
        any = true;
      }
    }
    return any ? commas + 1 : 0;
  }

  private static int closing(String t, int from, char quote) {
    for (int i = from + 1; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return t.length();
  }

  private static String text(byte[] src, int[] buf, int node) {
    int start = buf[node];
    int end = Math.min(buf[node + 1], src.length);
    if (start >= end) {
      return "";
    }
    return new String(src, start, end - start, StandardCharsets.UTF_8);
  }

  static SourceRange range(int[] buf, int node) {
    int startByte = buf[node];
    int endByte = Math.max(startByte, buf[node + 1]);
    int startLine = buf[node + 2] + 1;
    int endLine = Math.max(startLine, buf[node + 4] + 1);
    return new SourceRange(startLine, buf[node + 3], endLine, buf[node + 5], startByte, endByte);
  }

  /** Collapses runs of whitespace to one space (or removes them), trimming the ends. */
  static String collapse(String s, boolean remove) {
    StringBuilder sb = null;
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (ws) {
        if (sb == null) {
          sb = new StringBuilder(s.length());
          sb.append(s, 0, i);
        }
        space = true;
        continue;
      }
      if (sb != null) {
        if (space && !remove && !sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(c);
      }
      space = false;
    }
    return sb == null ? s : sb.toString();
  }

  private static String unquote(String s) {
    if (s.length() >= 2) {
      char a = s.charAt(0);
      char b = s.charAt(s.length() - 1);
      if ((a == '"' || a == '\'' || a == '`') && a == b) {
        return s.substring(1, s.length() - 1);
      }
      if (a == '<' && b == '>') {
        return s.substring(1, s.length() - 1);
      }
    }
    return s;
  }

  private static String stripImportKeywords(String statement) {
    String t = collapse(statement, false);
    if (t.endsWith(";")) {
      t = t.substring(0, t.length() - 1);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String kw : new String[] {"import ", "static ", "using ", "use ", "global ", "from "}) {
        if (t.startsWith(kw)) {
          t = t.substring(kw.length());
          changed = true;
        }
      }
    }
    return unquote(collapse(t, true));
  }
}
