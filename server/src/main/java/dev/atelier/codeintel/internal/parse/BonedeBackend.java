package dev.atelier.codeintel.internal.parse;

import dev.atelier.codeintel.CodeParser;
import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.ParsedFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSPoint;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterC;
import org.treesitter.TreeSitterCSharp;
import org.treesitter.TreeSitterCpp;
import org.treesitter.TreeSitterGo;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterKotlin;
import org.treesitter.TreeSitterPhp;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterRuby;
import org.treesitter.TreeSitterRust;
import org.treesitter.TreeSitterTsx;
import org.treesitter.TreeSitterTypescript;

/**
 * The fallback backend: the JNI natives inside the {@code io.github.bonede} jars (compiled -O0,
 * several times slower than {@code tree-sitter-o2}). Runs on Java 21. Writes the same match buffer
 * as {@code atelier_extract.c} so one {@link Extractor} decodes both.
 */
public final class BonedeBackend implements CodeParser {

  private final ParseLimits limits;
  private final AtomicReferenceArray<@Nullable Compiled> compiled =
      new AtomicReferenceArray<>(Language.values().length);
  private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();

  private record Compiled(TSLanguage grammar, TSQuery query, Extractor extractor) {}

  private static final class Worker {
    final TSParser parser = new TSParser();
    final TSQueryCursor cursor = new TSQueryCursor();
    final TSQueryMatch match = new TSQueryMatch();
    final byte[] chunk = new byte[64 * 1024];
    int[] buf = new int[4096];
  }

  public BonedeBackend(ParseLimits limits) {
    this.limits = limits;
  }

  /** The language's grammar and compiled query, compiled on first use (once per backend). */
  private Compiled compiled(Language language) {
    Compiled c = compiled.get(language.ordinal());
    if (c != null) {
      return c;
    }
    synchronized (compiled) {
      c = compiled.get(language.ordinal());
      if (c == null) {
        TSLanguage grammar = grammar(language);
        TSQuery query = new TSQuery(grammar, QuerySet.load(language).source());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < query.getCaptureCount(); i++) {
          names.add(query.getCaptureNameForId(i));
        }
        c = new Compiled(grammar, query, new Extractor(language, names));
        compiled.set(language.ordinal(), c);
      }
      return c;
    }
  }

  private static TSLanguage grammar(Language language) {
    return switch (language) {
      case JAVA -> new TreeSitterJava();
      case PYTHON -> new TreeSitterPython();
      case JAVASCRIPT -> new TreeSitterJavascript();
      case TYPESCRIPT -> new TreeSitterTypescript();
      case TSX -> new TreeSitterTsx();
      case GO -> new TreeSitterGo();
      case RUST -> new TreeSitterRust();
      case C -> new TreeSitterC();
      case CPP -> new TreeSitterCpp();
      case CSHARP -> new TreeSitterCSharp();
      case RUBY -> new TreeSitterRuby();
      case KOTLIN -> new TreeSitterKotlin();
      case PHP -> new TreeSitterPhp();
      case TEXT -> throw new IllegalArgumentException("text is not parsed");
    };
  }

  @Override
  public ParsedFile parse(Language language, String source) {
    if (!language.parsed()) {
      return ParsedFile.text();
    }
    Compiled c = compiled(language);
    byte[] src = source.getBytes(StandardCharsets.UTF_8);
    if (src.length > limits.maxBytes()) {
      return Extractor.empty(language);
    }
    Worker w = idle.pollFirst();
    if (w == null) {
      w = new Worker();
    }
    try {
      int len = run(w, c, src);
      return c.extractor.extract(src, w.buf, len);
    } catch (RuntimeException e) {
      w = null; // its native state may be inconsistent
      return Extractor.empty(language);
    } finally {
      if (w != null) {
        idle.offerFirst(w);
      }
    }
  }

  private int run(Worker w, Compiled c, byte[] src) {
    w.parser.setLanguage(c.grammar);
    // Fed as UTF-8 bytes so byte offsets match the file's UTF-8 content exactly; the progress
    // callback cancels a parse past its time budget.
    long deadline = System.nanoTime() + limits.timeoutMicros() * 1000L;
    TSTree tree =
        w.parser.parseWithOptions(
            w.chunk,
            null,
            (chunk, offset, point) -> {
              if (offset >= src.length) {
                return 0;
              }
              int n = Math.min(chunk.length, src.length - offset);
              System.arraycopy(src, offset, chunk, 0, n);
              return n;
            },
            TSInputEncoding.TSInputEncodingUTF8,
            state -> System.nanoTime() > deadline);
    Buffer out = new Buffer(w.buf);
    out.add(0, 0, 0, 0);
    if (tree == null) {
      w.parser.reset();
      out.data[0] = 1;
      w.buf = out.data;
      return out.len;
    }
    TSNode root = tree.getRootNode();
    out.data[1] = collectErrors(root, out);
    w.cursor.exec(c.query, root);
    int matches = 0;
    while (w.cursor.nextMatch(w.match)) {
      if (matches >= limits.maxMatches() || (matches & 255) == 0 && System.nanoTime() > deadline) {
        out.data[3] = 1;
        break;
      }
      TSQueryCapture[] captures = w.match.getCaptures();
      out.add(w.match.getPatternIndex(), captures.length);
      for (TSQueryCapture capture : captures) {
        out.add(capture.getIndex());
        node(out, capture.getNode());
      }
      matches++;
    }
    out.data[2] = matches;
    w.buf = out.data;
    return out.len;
  }

  private int collectErrors(TSNode root, Buffer out) {
    if (!root.hasError()) {
      return 0;
    }
    int found = 0;
    try (TSTreeCursor cursor = new TSTreeCursor(root)) {
      while (true) {
        TSNode node = cursor.currentNode();
        boolean descend = false;
        if (node.isError() || node.isMissing()) {
          out.add(node.isMissing() ? 1 : 0);
          node(out, node);
          if (++found >= limits.maxErrors()) {
            break;
          }
        } else if (node.hasError()) {
          descend = true;
        }
        if (descend && cursor.gotoFirstChild()) {
          continue;
        }
        boolean moved = false;
        while (!(moved = cursor.gotoNextSibling())) {
          if (!cursor.gotoParent()) {
            break;
          }
        }
        if (!moved) {
          break;
        }
      }
    }
    return found;
  }

  private static void node(Buffer out, TSNode node) {
    TSPoint s = node.getStartPoint();
    TSPoint e = node.getEndPoint();
    out.add(node.getStartByte(), node.getEndByte(), s.getRow(), s.getColumn());
    out.add(e.getRow(), e.getColumn());
  }

  /** A growable int buffer. */
  private static final class Buffer {
    int[] data;
    int len;

    Buffer(int[] data) {
      this.data = data;
    }

    void add(int... values) {
      if (len + values.length > data.length) {
        data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, len + values.length));
      }
      System.arraycopy(values, 0, data, len, values.length);
      len += values.length;
    }
  }

  @Override
  public String backend() {
    return "bonede";
  }

  @Override
  public void close() {
    Worker w;
    while ((w = idle.pollFirst()) != null) {
      w.cursor.close();
      w.parser.close();
    }
  }
}
