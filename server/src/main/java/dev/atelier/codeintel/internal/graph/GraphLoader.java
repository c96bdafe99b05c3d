package dev.atelier.codeintel.internal.graph;

import dev.atelier.codeintel.RefKind;
import dev.atelier.codeintel.ReferenceConfidence;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.cache.ManifestKeys;
import dev.atelier.codeintel.internal.classify.FileClasses;
import dev.atelier.codeintel.internal.index.PackedReferences;
import dev.atelier.codeintel.internal.index.PackedReferences.StoredReference;
import dev.atelier.platform.Sql;
import dev.atelier.repos.FileClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a branch's files, symbols, file dependencies and resolved references in four streaming
 * queries and packs them into a {@link BranchGraph}. Sorting and merging happen here on primitive
 * arrays (the databases' collations differ; integer order does not).
 */
public final class GraphLoader {

  private static final long LOW = 0xffffffffL;

  private final Sql sql;

  public GraphLoader(Sql sql) {
    this.sql = sql;
  }

  /**
   * What the branch's resolved files are now, in one cheap number: resolution rewrites {@code
   * branch_files} in the transaction that rewrites the references, sometimes after the manifest
   * switched, so a manifest id alone could name a graph resolved for the previous one.
   */
  public String fingerprint(long orgId, long branchId) {
    return sql.jdbc()
        .sql(
            "SELECT count(*), coalesce(sum(blob_id), 0), coalesce(max(file_id), 0)"
                + " FROM branch_files WHERE org_id = ? AND branch_id = ?")
        .params(orgId, branchId)
        .query((row, n) -> row.getLong(1) + ":" + row.getLong(2) + ":" + row.getLong(3))
        .single();
  }

  /** What names the manifest in cache files (see {@link ManifestKeys}). */
  String manifestKey(long orgId, long manifestId) {
    return ManifestKeys.of(sql, orgId, manifestId);
  }

  /** Per file, which of its references are calls, by reference ordinal. */
  private BitSet[] calls(long orgId, long branchId, int[] fileIndex, int files) {
    BitSet[] calls = new BitSet[files];
    Arrays.setAll(calls, f -> new BitSet());
    sql.jdbc()
        .sql(
            "SELECT f.file_id, r.refs FROM branch_files f JOIN blob_refs r"
                + " ON r.org_id = f.org_id AND r.blob_id = f.blob_id"
                + " WHERE f.org_id = ? AND f.branch_id = ?")
        .params(orgId, branchId)
        .query(row -> {
          int file = index(fileIndex, row.getInt(1));
          if (file < 0) {
            return;
          }
          List<StoredReference> refs = PackedReferences.unpack(row.getString(2));
          for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).kind() == RefKind.CALL) {
              calls[file].set(i);
            }
          }
        });
    return calls;
  }

  public BranchGraph load(long orgId, long branchId) {
    return arrays(orgId, branchId).graph();
  }

  /** The branch's graph as read from the database, before its derived indexes are built. */
  GraphArrays arrays(long orgId, long branchId) {
    List<String> rawPaths = new ArrayList<>();
    IntList rawIds = new IntList(1024);
    sql.jdbc()
        .sql("SELECT file_id, path FROM branch_files WHERE org_id = ? AND branch_id = ?")
        .params(orgId, branchId)
        .query(row -> {
          rawIds.add(row.getInt(1));
          rawPaths.add(row.getString(2));
        });
    Integer[] order = new Integer[rawPaths.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparing(rawPaths::get));
    String[] paths = new String[order.length];
    int maxId = 0;
    for (int i = 0; i < rawIds.size(); i++) {
      maxId = Math.max(maxId, rawIds.get(i));
    }
    // File ids are small per-branch numbers: an array maps them without boxing.
    int[] fileIndex = new int[maxId + 1];
    Arrays.fill(fileIndex, -1);
    for (int f = 0; f < order.length; f++) {
      paths[f] = rawPaths.get(order[f]);
      fileIndex[rawIds.get(order[f])] = f;
    }
    BranchGraph.Symbols symbols = symbols(orgId, branchId, fileIndex, paths.length);
    int symbolCount = symbols.name().length;

    BitSet[] callRefs = calls(orgId, branchId, fileIndex, paths.length);

    // Reference rows: packed (from symbol or S + file) << 32 | to << 1 | call, then merged.
    LongList refRows = new LongList();
    LongList fileRefs = new LongList();
    sql.jdbc()
        .sql(
            "SELECT from_file, from_symbol, to_file, to_symbol, ref_ordinal FROM resolved_refs"
                + " WHERE org_id = ? AND branch_id = ? AND confidence >= "
                + ReferenceConfidence.GUESS_BELOW)
        .params(orgId, branchId)
        .query(row -> {
          int fromFile = index(fileIndex, row.getInt(1));
          int fromOrdinal = row.getInt(2);
          boolean topLevel = row.wasNull();
          int toFile = index(fileIndex, row.getInt(3));
          if (fromFile < 0 || toFile < 0) {
            return;
          }
          int to = symbol(symbols, toFile, row.getInt(4));
          int from = topLevel ? -1 : symbol(symbols, fromFile, fromOrdinal);
          if (to < 0) {
            return;
          }
          long fromKey = from >= 0 ? from : symbolCount + (long) fromFile;
          long call = callRefs[fromFile].get(row.getInt(5)) ? 1 : 0;
          refRows.add(fromKey << 32 | (long) to << 1 | call);
          if (fromFile != toFile) {
            fileRefs.add((long) fromFile << 32 | toFile);
          }
        });
    LongList imports = new LongList();
    sql.jdbc()
        .sql(
            "SELECT from_file, to_file FROM file_dependencies"
                + " WHERE org_id = ? AND branch_id = ? AND kind = 'file'")
        .params(orgId, branchId)
        .query(row -> {
          int from = index(fileIndex, row.getInt(1));
          int to = index(fileIndex, row.getInt(2));
          if (from >= 0 && to >= 0 && from != to) {
            imports.add((long) from << 32 | to);
          }
        });

    long[] refs = refRows.sorted();
    IntList fromSym = new IntList(refs.length / 2);
    IntList fromFileOfRef = new IntList(refs.length / 2);
    IntList toSym = new IntList(refs.length / 2);
    IntList counts = new IntList(refs.length / 2);
    IntList calls = new IntList(refs.length / 2);
    for (int i = 0; i < refs.length; ) {
      long pair = refs[i] >>> 1;
      int count = 0;
      int callCount = 0;
      for (; i < refs.length && refs[i] >>> 1 == pair; i++) {
        count++;
        callCount += (int) (refs[i] & 1);
      }
      long fromKey = refs[i - 1] >>> 32;
      int from = fromKey < symbolCount ? (int) fromKey : -1;
      fromSym.add(from);
      fromFileOfRef.add(from >= 0 ? symbols.file()[from] : (int) (fromKey - symbolCount));
      toSym.add((int) ((refs[i - 1] & LOW) >>> 1));
      counts.add(count);
      calls.add(callCount);
    }

    long[] importEdges = imports.sorted();
    long[] refEdges = fileRefs.sorted();
    IntList from = new IntList(1024);
    IntList to = new IntList(1024);
    IntList importCount = new IntList(1024);
    IntList refCount = new IntList(1024);
    int a = 0;
    int b = 0;
    while (a < importEdges.length || b < refEdges.length) {
      long key =
          b >= refEdges.length || (a < importEdges.length && importEdges[a] <= refEdges[b])
              ? importEdges[a]
              : refEdges[b];
      int nImports = 0;
      int nRefs = 0;
      while (a < importEdges.length && importEdges[a] == key) {
        nImports++;
        a++;
      }
      while (b < refEdges.length && refEdges[b] == key) {
        nRefs++;
        b++;
      }
      from.add((int) (key >>> 32));
      to.add((int) (key & LOW));
      importCount.add(nImports);
      refCount.add(nRefs);
    }
    int[] f = from.toArray();
    int[] t = to.toArray();
    int[] im = importCount.toArray();
    int[] rc = refCount.toArray();
    Map<String, FileClass> stored = FileClasses.ofBranch(sql, orgId, branchId);
    FileClass[] classes = new FileClass[paths.length];
    for (int i = 0; i < paths.length; i++) {
      classes[i] = stored.getOrDefault(paths[i], FileClass.SOURCE);
    }
    return new GraphArrays(
        paths,
        classes,
        f,
        t,
        im,
        rc,
        symbols,
        fromSym.toArray(),
        fromFileOfRef.toArray(),
        toSym.toArray(),
        counts.toArray(),
        calls.toArray());
  }

  private BranchGraph.Symbols symbols(long orgId, long branchId, int[] fileIndex, int files) {
    IntList file = new IntList(4096);
    IntList ordinal = new IntList(4096);
    IntList parentOrdinal = new IntList(4096);
    IntList line = new IntList(4096);
    List<SymbolKind> kind = new ArrayList<>();
    List<String> name = new ArrayList<>();
    List<String> qualified = new ArrayList<>();
    List<String> signature = new ArrayList<>();
    Map<String, SymbolKind> kinds = new HashMap<>();
    // Ordered by file id then ordinal, so each file's symbols are contiguous and in ordinal order.
    sql.jdbc()
        .sql(
            "SELECT f.file_id, s.ordinal, s.parent_ordinal, s.name, s.kind, s.qualified_name,"
                + " s.signature, s.name_line FROM branch_files f JOIN symbols s"
                + " ON s.org_id = f.org_id AND s.blob_id = f.blob_id"
                + " WHERE f.org_id = ? AND f.branch_id = ? ORDER BY f.file_id, s.ordinal")
        .params(orgId, branchId)
        .query(row -> {
          int f = index(fileIndex, row.getInt(1));
          if (f < 0) {
            return;
          }
          file.add(f);
          ordinal.add(row.getInt(2));
          int parent = row.getInt(3);
          parentOrdinal.add(row.wasNull() ? -1 : parent);
          name.add(row.getString(4));
          kind.add(kinds.computeIfAbsent(row.getString(5), SymbolKind::ofId));
          qualified.add(row.getString(6));
          signature.add(row.getString(7));
          line.add(row.getInt(8));
        });
    int count = file.size();
    int[] fileStart = new int[files];
    int[] fileCount = new int[files];
    for (int s = 0; s < count; s++) {
      int f = file.get(s);
      if (fileCount[f]++ == 0) {
        fileStart[f] = s;
      }
    }
    BranchGraph.Symbols partial =
        new BranchGraph.Symbols(
            fileStart,
            fileCount,
            file.toArray(),
            ordinal.toArray(),
            new int[count],
            line.toArray(),
            kind.toArray(SymbolKind[]::new),
            name.toArray(String[]::new),
            qualified.toArray(String[]::new),
            signature.toArray(String[]::new));
    for (int s = 0; s < count; s++) {
      int p = parentOrdinal.get(s);
      partial.parent()[s] = p < 0 ? -1 : symbol(partial, partial.file()[s], p);
    }
    return partial;
  }

  private static int index(int[] fileIndex, int fileId) {
    return fileId >= 0 && fileId < fileIndex.length ? fileIndex[fileId] : -1;
  }

  /** The global index of a file's symbol by ordinal, or -1. */
  private static int symbol(BranchGraph.Symbols symbols, int file, int ordinal) {
    int start = symbols.fileStart()[file];
    int count = symbols.fileCount()[file];
    if (ordinal < count && symbols.ordinal()[start + ordinal] == ordinal) {
      return start + ordinal;
    }
    int at = Arrays.binarySearch(symbols.ordinal(), start, start + count, ordinal);
    return at >= 0 ? at : -1;
  }
}
