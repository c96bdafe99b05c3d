package dev.atelier.codeintel.internal.parse;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.CodeParser;
import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.ParsedFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets the Rust grammar see items declared inside item macros. Large crates wrap whole modules in
 * {@code cfg_rt! { pub fn spawn() ... }}; tree-sitter keeps such a body as an opaque token tree, so
 * tokio's spawning, sockets and join handles had no symbols. Before parsing, the macro's name,
 * {@code !} and braces are blanked to spaces: the items become ordinary items, and every line,
 * column and byte offset stays where it was in the file.
 */
public final class RustItemMacros implements CodeParser {

  // A conditional-compilation macro (cfg_rt!, cfg_net!, feature!) or pin_project! where an item
  // may stand; others (bitflags!, mock!, thread_local!) take bodies that are not plain items.
  private static final Pattern INVOCATION =
      Pattern.compile("(?m)^[ \\t]*(cfg_[a-z0-9_]*|feature|pin_project)[ \\t]*![ \\t]*\\{");

  // An item keyword or attribute at the start of a line: the body holds items, not tokens.
  private static final Pattern ITEM =
      Pattern.compile(
          "(?m)^[ \\t]*(#!?\\[|(pub(\\([^)]*\\))?[ \\t]+)?(fn|struct|enum|trait|impl|mod|use|type"
              + "|const|static|unsafe|async|extern|union)\\b)");

  private final CodeParser delegate;

  public RustItemMacros(CodeParser delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  @Override
  public ParsedFile parse(Language language, String source) {
    return delegate.parse(language, language == Language.RUST ? unwrapped(source) : source);
  }

  @Override
  public String backend() {
    return delegate.backend();
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** The source with each item macro's {@code name! {} and closing brace blanked. */
  static String unwrapped(String source) {
    if (source.indexOf('!') < 0) {
      return source;
    }
    Matcher m = INVOCATION.matcher(source);
    char[] out = null;
    while (m.find()) {
      int open = m.end() - 1;
      int close = closingBrace(source, open);
      if (close < 0) {
        continue;
      }
      String body = source.substring(open + 1, close);
      if (body.indexOf('$') >= 0 || !ITEM.matcher(body).find()) {
        continue;
      }
      if (out == null) {
        out = source.toCharArray();
      }
      for (int i = m.start(1); i <= open; i++) {
        if (out[i] != '\n') {
          out[i] = ' ';
        }
      }
      out[close] = ' ';
    }
    return out == null ? source : new String(out);
  }

  /** The brace closing the one at {@code open}, past strings, chars and comments; -1 if none. */
  private static int closingBrace(String s, int open) {
    int depth = 0;
    int n = s.length();
    for (int i = open; i < n; i++) {
      char c = s.charAt(i);
      if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        int end = s.indexOf('\n', i);
        if (end < 0) {
          return -1;
        }
        i = end;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) {
          return -1;
        }
        i = end + 1;
      } else if (c == '"') {
        i = endOfString(s, i);
        if (i < 0) {
          return -1;
        }
      } else if (c == '\'') {
        // 'x' and '\n' are chars; 'a alone is a lifetime
        if (i + 2 < n && s.charAt(i + 1) == '\\') {
          int end = s.indexOf('\'', i + 2);
          i = end < 0 ? i : end;
        } else if (i + 2 < n && s.charAt(i + 2) == '\'') {
          i += 2;
        }
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int endOfString(String s, int quote) {
    for (int i = quote + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }
}
