package dev.atelier.codeintel.internal.retrieval;

import dev.atelier.codeintel.SymbolKind;
import dev.atelier.repos.FileClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link FileIndex} from files fed field by field, in any order: raw term frequencies are
 * kept per (term, file, field) until every field's average length is known, then folded into one
 * BM25F pseudo-frequency per (term, file).
 */
public final class FileIndexBuilder {

  private static final Field[] FIELDS = Field.values();

  private final long manifestId;
  private final List<String> paths = new ArrayList<>();
  private final List<Long> blobs = new ArrayList<>();
  private final List<Boolean> code = new ArrayList<>();
  private final List<Boolean> tests = new ArrayList<>();
  private final Map<String, Integer> fileByPath = new HashMap<>();
  private final Map<String, RawPostings> raw = new HashMap<>();
  private float[][] lengths = new float[FIELDS.length][1024];
  private final List<SymbolRow> symbols = new ArrayList<>();
  private final Map<String, String> interned = new HashMap<>();
  private final Map<String, String[]> words = new HashMap<>();
  // Reused by every add: one file field's term counts.
  private final Map<String, int[]> counts = new HashMap<>();

  private final float[] weights;
  private final float[] bs;

  public FileIndexBuilder(long manifestId) {
    this(manifestId, RankingSettings.DEFAULT);
  }

  FileIndexBuilder(long manifestId, RankingSettings settings) {
    this.manifestId = manifestId;
    this.weights = settings.fieldWeights();
    this.bs = settings.fieldB();
  }

  /** Adds a file (its path terms included) of the class the indexer gave it; returns its index. */
  public int file(String path, long blobId, boolean isCode, FileClass fileClass) {
    Integer known = fileByPath.get(path);
    if (known != null) {
      return known;
    }
    int file = paths.size();
    paths.add(path);
    blobs.add(blobId);
    code.add(isCode);
    tests.add(fileClass == FileClass.TEST);
    fileByPath.put(path, file);
    if (file == lengths[0].length) {
      for (int f = 0; f < FIELDS.length; f++) {
        lengths[f] = Arrays.copyOf(lengths[f], file * 2);
      }
    }
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    add(file, Field.FILE_NAME, dot > 0 ? name.substring(0, dot) : name);
    if (slash > 0) {
      add(file, Field.FOLDERS, path.substring(0, slash));
    }
    return file;
  }

  public int file(String path) {
    return fileByPath.getOrDefault(path, -1);
  }

  /** Adds text to one field of a file. */
  public void add(int file, Field field, CharSequence text) {
    counts.clear();
    int[] length = {0};
    Terms.scan(
        text,
        term -> {
          counts.computeIfAbsent(term, t -> new int[1])[0]++;
          length[0]++;
        },
        words);
    lengths[field.ordinal()][file] += length[0];
    counts.forEach(
        (term, tf) -> raw.computeIfAbsent(term, t -> new RawPostings()).add(file, field, tf[0]));
  }

  /** Adds a definition of a file: its name, and its signature and doc as the docs field. */
  public void symbol(
      int file,
      int ordinal,
      String name,
      SymbolKind kind,
      int line,
      int endLine,
      String signature,
      @Nullable String doc) {
    add(file, Field.SYMBOL_NAMES, name);
    StringBuilder docs = new StringBuilder(signature);
    if (doc != null) {
      docs.append('\n').append(doc);
    }
    add(file, Field.DOCS, docs);
    String described = docs.length() > 400 ? docs.substring(0, 400) : docs.toString();
    symbols.add(
        new SymbolRow(
            file, ordinal, intern(name), kind, line, endLine, described.toLowerCase(Locale.ROOT)));
  }

  public FileIndex build(long totalChunks) {
    int files = paths.size();
    float[] average = new float[FIELDS.length];
    for (int f = 0; f < FIELDS.length; f++) {
      double sum = 0;
      for (int i = 0; i < files; i++) {
        sum += lengths[f][i];
      }
      average[f] = files == 0 ? 1 : (float) Math.max(1, sum / files);
    }
    boolean[] tests = new boolean[files];
    boolean[] isCode = new boolean[files];
    long[] blobIds = new long[files];
    for (int i = 0; i < files; i++) {
      tests[i] = this.tests.get(i);
      isCode[i] = code.get(i);
      blobIds[i] = blobs.get(i);
    }
    Map<String, FileIndex.Postings> postings = new HashMap<>(raw.size() * 2);
    float[] sum = new float[files];
    int[] touched = new int[files];
    raw.forEach((term, entries) -> {
      int count = 0;
      for (int e = 0; e < entries.size; e++) {
        int file = entries.files[e];
        Field field = FIELDS[entries.fields[e]];
        float b = bs[field.ordinal()];
        float norm = 1 - b + b * lengths[field.ordinal()][file] / average[field.ordinal()];
        if (sum[file] == 0) {
          touched[count++] = file;
        }
        sum[file] += weights[field.ordinal()] * entries.tfs[e] / norm;
      }
      int[] ids = Arrays.copyOf(touched, count);
      float[] weights = new float[count];
      for (int i = 0; i < count; i++) {
        weights[i] = sum[ids[i]];
        sum[ids[i]] = 0;
      }
      postings.put(term, new FileIndex.Postings(ids, weights));
    });
    raw.clear();
    return new FileIndex(
        manifestId,
        paths.toArray(String[]::new),
        blobIds,
        tests,
        isCode,
        TermPostings.of(postings),
        symbolColumns(files),
        symbolPostings(),
        totalChunks,
        Map.copyOf(fileByPath));
  }

  private FileIndex.Symbols symbolColumns(int files) {
    symbols.sort(
        java.util.Comparator.comparingInt(SymbolRow::file).thenComparingInt(SymbolRow::line));
    int n = symbols.size();
    int[] start = new int[files + 1];
    String[] names = new String[n];
    SymbolKind[] kinds = new SymbolKind[n];
    int[] lines = new int[n];
    int[] endLines = new int[n];
    String[] texts = new String[n];
    int[] owners = new int[n];
    int[] wordCounts = new int[n];
    int[] ordinals = new int[n];
    for (int i = 0; i < n; i++) {
      SymbolRow row = symbols.get(i);
      start[row.file() + 1]++;
      names[i] = row.name();
      kinds[i] = row.kind();
      lines[i] = row.line();
      endLines[i] = row.endLine();
      texts[i] = row.text();
      owners[i] = row.file();
      ordinals[i] = row.ordinal();
      wordCounts[i] = Math.max(1, new HashSet<>(Terms.words(row.name())).size());
    }
    for (int i = 0; i < files; i++) {
      start[i + 1] += start[i];
    }
    return new FileIndex.Symbols(
        start, names, kinds, lines, endLines, texts, owners, wordCounts, ordinals);
  }

  /** Each name word (and each whole lower-cased name) to the symbols whose names hold it. */
  private Map<String, int[]> symbolPostings() {
    Map<String, IntList> lists = new HashMap<>();
    for (int i = 0; i < symbols.size(); i++) {
      Set<String> words = new HashSet<>(Terms.of(symbols.get(i).name()));
      for (String word : words) {
        lists.computeIfAbsent(word, w -> new IntList()).add(i);
      }
    }
    Map<String, int[]> out = new HashMap<>(lists.size() * 2);
    lists.forEach((word, list) -> out.put(word, list.toArray()));
    return out;
  }

  private String intern(String s) {
    return interned.computeIfAbsent(s, k -> k);
  }

  private record SymbolRow(
      int file, int ordinal, String name, SymbolKind kind, int line, int endLine, String text) {}

  /** Raw (file, field, tf) triples of one term, in growable arrays. */
  private static final class RawPostings {
    int[] files = new int[2];
    byte[] fields = new byte[2];
    float[] tfs = new float[2];
    int size;

    void add(int file, Field field, int tf) {
      if (size == files.length) {
        files = Arrays.copyOf(files, size * 2);
        fields = Arrays.copyOf(fields, size * 2);
        tfs = Arrays.copyOf(tfs, size * 2);
      }
      files[size] = file;
      fields[size] = (byte) field.ordinal();
      tfs[size] = tf;
      size++;
    }
  }

  private static final class IntList {
    int[] values = new int[2];
    int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
