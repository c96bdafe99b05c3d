package dev.atelier.codeintel.internal.parse;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.atelier.codeintel.CodeParser;
import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.ParsedFile;
import io.github.treesitter.jtreesitter.Query;
import io.github.treesitter.jtreesitter.QueryError;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The fast backend: the tree-sitter core and grammars compiled -O2 into {@code
 * libatelier-treesitter.so}. jtreesitter loads the grammars (checking their ABI against the core)
 * and words query errors; each language's query is compiled on its first use. The per-file work is
 * one downcall into {@code atelier_extract}, which parses, runs the combined query and collects
 * syntax errors in C and hands back one int buffer, so Java allocates no per-node objects.
 *
 * <p>Thread-safe: each call borrows a worker (a native parser, query cursor and buffers) from a
 * pool. Compiled only for Java 22+ ({@code src/main/java22}); {@code CodeParsers} instantiates it
 * reflectively.
 */
public final class O2Backend implements CodeParser {

  private static final Linker LINKER = Linker.nativeLinker();

  private final ParseLimits limits;
  private final Arena arena = Arena.ofShared();
  private final AtomicReferenceArray<@Nullable Compiled> compiled =
      new AtomicReferenceArray<>(Language.values().length);
  private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
  private final ConcurrentLinkedDeque<Worker> all = new ConcurrentLinkedDeque<>();
  private final MethodHandle ctxNew;
  private final MethodHandle ctxFree;
  private final MethodHandle ctxBuffer;
  private final MethodHandle extract;
  private final MethodHandle queryDelete;
  private final MethodHandle queryNew;
  private final MethodHandle captureCount;
  private final MethodHandle captureName;
  private final SymbolLookup lookup;
  private volatile boolean closed;

  private record Compiled(MemorySegment language, MemorySegment query, Extractor extractor) {}

  private static final class Worker {
    final MemorySegment ctx;
    Arena arena = Arena.ofShared();
    MemorySegment src = MemorySegment.NULL;
    int[] buf = new int[8192];

    Worker(MemorySegment ctx) {
      this.ctx = ctx;
    }

    MemorySegment source(byte[] bytes) {
      if (src.byteSize() < bytes.length + 1L) {
        arena.close();
        arena = Arena.ofShared();
        src = arena.allocate(Math.max(64 * 1024, Long.highestOneBit(bytes.length + 1L) << 1));
      }
      MemorySegment.copy(bytes, 0, src, JAVA_BYTE, 0, bytes.length);
      return src;
    }
  }

  public O2Backend(Path library, ParseLimits limits) {
    this.limits = limits;
    SymbolLookup lookup = SymbolLookup.libraryLookup(library, arena);
    ctxNew = handle(lookup, "atelier_ctx_new", FunctionDescriptor.of(ADDRESS));
    ctxFree = handle(lookup, "atelier_ctx_free", FunctionDescriptor.ofVoid(ADDRESS));
    ctxBuffer = handle(lookup, "atelier_ctx_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS));
    extract =
        handle(
            lookup,
            "atelier_extract",
            FunctionDescriptor.of(
                JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_INT,
                JAVA_INT));
    MethodHandle queryNew =
        handle(
            lookup,
            "ts_query_new",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
    queryDelete = handle(lookup, "ts_query_delete", FunctionDescriptor.ofVoid(ADDRESS));
    captureCount =
        handle(lookup, "ts_query_capture_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    captureName =
        handle(
            lookup,
            "ts_query_capture_name_for_id",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS));
    this.queryNew = queryNew;
    this.lookup = lookup;
    // Fail now, not at the first parse, when the library lacks a grammar.
    for (Language language : Language.values()) {
      if (language.parsed() && lookup.find(symbol(language)).isEmpty()) {
        throw new IllegalStateException("no grammar for " + language.id());
      }
    }
  }

  private static String symbol(Language language) {
    return "tree_sitter_" + language.id().replace("csharp", "c_sharp");
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
        if (closed) {
          throw new IllegalStateException("parser closed");
        }
        c = compile(language);
        compiled.set(language.ordinal(), c);
      }
      return c;
    }
  }

  private Compiled compile(Language language) {
    String symbol = symbol(language);
    // jtreesitter checks the grammar's ABI against the core.
    io.github.treesitter.jtreesitter.Language grammar =
        io.github.treesitter.jtreesitter.Language.load(lookup, symbol);
    QuerySet queries = QuerySet.load(language);
    try (Arena scratch = Arena.ofConfined()) {
      MemorySegment languagePtr =
          (MemorySegment) handle(lookup, symbol, FunctionDescriptor.of(ADDRESS)).invokeExact();
      byte[] text = queries.source().getBytes(StandardCharsets.UTF_8);
      MemorySegment source = scratch.allocate(text.length + 1L);
      MemorySegment.copy(text, 0, source, JAVA_BYTE, 0, text.length);
      MemorySegment errorOffset = scratch.allocate(JAVA_INT);
      MemorySegment errorType = scratch.allocate(JAVA_INT);
      MemorySegment query =
          (MemorySegment)
              queryNew.invokeExact(languagePtr, source, text.length, errorOffset, errorType);
      if (query.equals(MemorySegment.NULL)) {
        // jtreesitter words the error (kind, row, column).
        try (Query q = new Query(grammar, queries.source())) {
          throw new IllegalStateException(
              "bad " + language.id() + " query at byte " + errorOffset.get(JAVA_INT, 0));
        } catch (QueryError e) {
          throw new IllegalStateException("bad " + language.id() + " query: " + e.getMessage(), e);
        }
      }
      int count = (int) captureCount.invokeExact(query);
      List<String> names = new ArrayList<>(count);
      MemorySegment length = scratch.allocate(JAVA_INT);
      for (int i = 0; i < count; i++) {
        MemorySegment name = (MemorySegment) captureName.invokeExact(query, i, length);
        int n = length.get(JAVA_INT, 0);
        names.add(new String(name.reinterpret(n).toArray(JAVA_BYTE), StandardCharsets.UTF_8));
      }
      return new Compiled(languagePtr, query, new Extractor(language, names));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static MethodHandle handle(SymbolLookup lookup, String name, FunctionDescriptor fd) {
    MemorySegment symbol =
        lookup
            .find(name)
            .orElseThrow(() -> new IllegalStateException("symbol " + name + " not found"));
    return LINKER.downcallHandle(symbol, fd);
  }

  @Override
  public ParsedFile parse(Language language, String source) {
    if (!language.parsed()) {
      return ParsedFile.text();
    }
    if (closed) {
      throw new IllegalStateException("parser closed");
    }
    Compiled c = compiled(language);
    byte[] src = source.getBytes(StandardCharsets.UTF_8);
    if (src.length > limits.maxBytes()) {
      return Extractor.empty(language);
    }
    Worker w = idle.pollFirst();
    try {
      if (w == null) {
        w = newWorker();
      }
      MemorySegment in = w.source(src);
      int n =
          (int)
              extract.invokeExact(
                  w.ctx,
                  c.language,
                  c.query,
                  in,
                  src.length,
                  limits.timeoutMicros(),
                  limits.maxErrors(),
                  limits.maxMatches());
      if (n < 4) {
        return Extractor.empty(language);
      }
      if (w.buf.length < n) {
        w.buf = new int[Math.max(n, w.buf.length * 2)];
      }
      MemorySegment out = ((MemorySegment) ctxBuffer.invokeExact(w.ctx)).reinterpret(n * 4L);
      MemorySegment.copy(out, JAVA_INT, 0, w.buf, 0, n);
      return c.extractor.extract(src, w.buf, n);
    } catch (RuntimeException e) {
      // Never throw for bad source: a file the decoder cannot handle yields nothing.
      return Extractor.empty(language);
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    } finally {
      if (w != null) {
        idle.offerFirst(w);
      }
    }
  }

  private Worker newWorker() throws Throwable {
    MemorySegment ctx = (MemorySegment) ctxNew.invokeExact();
    if (ctx.equals(MemorySegment.NULL)) {
      throw new OutOfMemoryError("atelier_ctx_new");
    }
    Worker w = new Worker(ctx);
    all.add(w);
    return w;
  }

  @Override
  public String backend() {
    return "tree-sitter-o2";
  }

  /** Frees the native state; call only when no parse is running. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Worker w;
      while ((w = all.pollFirst()) != null) {
        ctxFree.invokeExact(w.ctx);
        w.arena.close();
      }
      idle.clear();
      synchronized (compiled) {
        for (int i = 0; i < compiled.length(); i++) {
          Compiled c = compiled.getAndSet(i, null);
          if (c != null) {
            queryDelete.invokeExact(c.query);
          }
        }
      }
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
