package dev.atelier.codeintel.internal.retrieval;

import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/** BM25F postings by term: in a map when just built, in a mapped file when loaded from one. */
interface TermPostings {

  /** The term's postings, or null when no file has it. */
  FileIndex.@Nullable Postings get(String term);

  int size();

  void forEach(BiConsumer<String, FileIndex.Postings> action);

  static TermPostings of(Map<String, FileIndex.Postings> map) {
    return new TermPostings() {
      @Override
      public FileIndex.@Nullable Postings get(String term) {
        return map.get(term);
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public void forEach(BiConsumer<String, FileIndex.Postings> action) {
        map.forEach(action);
      }
    };
  }
}
