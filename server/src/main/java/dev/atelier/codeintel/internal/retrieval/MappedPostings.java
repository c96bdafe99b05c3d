package dev.atelier.codeintel.internal.retrieval;

import dev.atelier.codeintel.internal.cache.CacheReader;
import dev.atelier.codeintel.internal.cache.CacheWriter;
import dev.atelier.codeintel.internal.cache.CorruptCacheFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * BM25F postings read on demand from a memory-mapped cache file: an open-addressing table of term
 * hashes to entry offsets, then the entries (term, files, weights). Opening costs nothing per term;
 * a query reads the few entries it names. Entries are checked as they are read, so a damaged file
 * ends in {@link CorruptCacheFile} rather than in a wrong ranking.
 *
 * <p>Layout: {@code int terms, int slots, int[slots] offset-or-minus-one}, then per term {@code int
 * length, UTF-8 bytes, int count, int[count] files, float[count] weights}.
 */
final class MappedPostings implements TermPostings {

  private final ByteBuffer buffer;
  private final int terms;
  private final int slots;
  private final int table;
  private final int entries;
  private final int files;

  private MappedPostings(ByteBuffer buffer, int at, int files) {
    this.buffer = buffer;
    this.files = files;
    if (at < 0 || at + 8L > buffer.limit()) {
      throw new CorruptCacheFile("the postings table is outside the payload");
    }
    this.terms = buffer.getInt(at);
    this.slots = buffer.getInt(at + 4);
    this.table = at + 8;
    this.entries = table + 4 * slots;
    if (terms < 0
        || slots <= 0
        || Integer.bitCount(slots) != 1
        || terms >= slots
        || (long) table + 4L * slots > buffer.limit()) {
      throw new CorruptCacheFile("the postings table has impossible sizes");
    }
  }

  /** Postings over a file's postings section, which starts at the reader's position. */
  static MappedPostings read(CacheReader in, int files) {
    return new MappedPostings(in.buffer(), in.position(), files);
  }

  static void write(TermPostings postings, CacheWriter out) {
    int n = postings.size();
    String[] terms = new String[n];
    FileIndex.Postings[] lists = new FileIndex.Postings[n];
    int[] count = {0};
    postings.forEach((term, list) -> {
      terms[count[0]] = term;
      lists[count[0]++] = list;
    });
    int slots = Integer.highestOneBit(Math.max(1, n) * 2) * 2;
    int[] offsets = new int[slots];
    Arrays.fill(offsets, -1);
    byte[][] bytes = new byte[n][];
    long offset = 0;
    for (int i = 0; i < n; i++) {
      bytes[i] = terms[i].getBytes(StandardCharsets.UTF_8);
      int slot = slot(terms[i], slots);
      while (offsets[slot] >= 0) {
        slot = (slot + 1) & (slots - 1);
      }
      if (offset > Integer.MAX_VALUE) {
        throw new IllegalStateException("postings too large for one cache file");
      }
      offsets[slot] = (int) offset;
      offset += 8L + bytes[i].length + 8L * lists[i].files().length;
    }
    out.writeInt(n);
    out.writeInt(slots);
    for (int o : offsets) {
      out.writeInt(o);
    }
    for (int i = 0; i < n; i++) {
      out.writeInt(bytes[i].length);
      out.writeRaw(bytes[i]);
      int[] ids = lists[i].files();
      float[] weights = lists[i].weights();
      out.writeInt(ids.length);
      for (int id : ids) {
        out.writeInt(id);
      }
      for (float weight : weights) {
        out.writeFloat(weight);
      }
    }
  }

  private static int slot(String term, int slots) {
    int h = term.hashCode();
    return (h ^ (h >>> 16)) & (slots - 1);
  }

  @Override
  public FileIndex.@Nullable Postings get(String term) {
    byte[] wanted = term.getBytes(StandardCharsets.UTF_8);
    int slot = slot(term, slots);
    for (int probe = 0; probe < slots; probe++) {
      int offset = buffer.getInt(table + 4 * slot);
      if (offset < 0) {
        return null;
      }
      int at = entry(offset);
      int length = buffer.getInt(at);
      if (length == wanted.length
          && buffer.slice(at + 4, length).mismatch(ByteBuffer.wrap(wanted)) < 0) {
        return postings(at + 4 + length);
      }
      slot = (slot + 1) & (slots - 1);
    }
    throw new CorruptCacheFile("the postings table has no empty slot");
  }

  @Override
  public int size() {
    return terms;
  }

  @Override
  public void forEach(BiConsumer<String, FileIndex.Postings> action) {
    for (int slot = 0; slot < slots; slot++) {
      int offset = buffer.getInt(table + 4 * slot);
      if (offset >= 0) {
        int at = entry(offset);
        int length = buffer.getInt(at);
        byte[] term = new byte[length];
        buffer.get(at + 4, term);
        action.accept(new String(term, StandardCharsets.UTF_8), postings(at + 4 + length));
      }
    }
  }

  private int entry(int offset) {
    long at = (long) entries + offset;
    if (at + 8 > buffer.limit()) {
      throw new CorruptCacheFile("a postings entry lies outside the payload");
    }
    int length = buffer.getInt((int) at);
    if (length < 0 || at + 8 + length > buffer.limit()) {
      throw new CorruptCacheFile("a term runs past the payload");
    }
    return (int) at;
  }

  private FileIndex.Postings postings(int at) {
    int count = buffer.getInt(at);
    if (count < 0 || at + 4L + 8L * count > buffer.limit()) {
      throw new CorruptCacheFile("a postings list runs past the payload");
    }
    int[] ids = new int[count];
    float[] weights = new float[count];
    buffer.slice(at + 4, 4 * count).order(buffer.order()).asIntBuffer().get(ids);
    buffer.slice(at + 4 + 4 * count, 4 * count).order(buffer.order()).asFloatBuffer().get(weights);
    for (int id : ids) {
      if (id < 0 || id >= files) {
        throw new CorruptCacheFile("a posting names file " + id + " of " + files);
      }
    }
    return new FileIndex.Postings(ids, weights);
  }
}
