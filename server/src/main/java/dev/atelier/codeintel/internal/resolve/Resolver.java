package dev.atelier.codeintel.internal.resolve;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.classify.FileClasses;
import dev.atelier.codeintel.internal.index.PackedReferences;
import dev.atelier.codeintel.internal.index.PackedReferences.StoredReference;
import dev.atelier.codeintel.internal.resolve.FileFacts.Imp;
import dev.atelier.codeintel.internal.resolve.FileFacts.Ref;
import dev.atelier.codeintel.internal.resolve.FileFacts.Sym;
import dev.atelier.codeintel.internal.work.WriteTurns;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import dev.atelier.repos.FileClass;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Resolves a branch's imports and references against its current manifest and stores the result per
 * branch ({@code branch_files}, {@code file_dependencies}, {@code resolved_refs}). Loads the branch
 * in a few streaming queries, resolves in memory ({@link ResolutionCore}) and replaces the stored
 * rows in one transaction.
 *
 * <p>{@link #resolveChanges} compares the manifest with the file state of the last resolution and
 * re-resolves only what the change can affect: every reference of a changed file or of a file whose
 * imports now lead elsewhere, every reference resolved into a changed or removed file (its symbol
 * ordinals may have moved), and any reference named like a definition that was added, removed or
 * changed kind or container (all names of a file whose language or package changed). Everything
 * else keeps its rows. The whole branch is still loaded; only resolving and writing are narrowed.
 */
public final class Resolver {

  private static final int IN_LIST = 500;
  private static final int BATCH = 2000;
  private static final int ROWS_PER_INSERT = 500;

  /** Above this share of changed files an update re-resolves the whole branch. */
  private static final double INCREMENTAL_LIMIT = 0.25;

  private static final Pattern GO_MODULE = Pattern.compile("(?m)^\\s*module\\s+\"?([^\\s\"]+)\"?");

  private final Sql sql;
  private final JdbcTemplate streaming;
  private final WriteTurns turns;

  public Resolver(DataSource dataSource, DatabaseVendor vendor, WriteTurns turns) {
    this.sql = new Sql(dataSource, vendor);
    this.turns = turns;
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(5000);
  }

  /**
   * What one resolution did.
   *
   * @param full whether the whole branch was resolved (else only what the change affected)
   * @param files files of the branch
   * @param references references of the branch
   * @param resolvedReferences references of the branch with at least one target
   * @param rewrittenReferences references this run resolved (and rewrote)
   * @param dependencies dependency rows of the branch
   * @param millis wall time
   */
  public record Outcome(
      boolean full,
      long files,
      long references,
      long resolvedReferences,
      long rewrittenReferences,
      long dependencies,
      long millis) {}

  /**
   * Whether the stored resolution was made from exactly this manifest's files (same paths, same
   * blobs), so there is nothing to redo. Cheap: two set differences over the file lists.
   */
  public boolean upToDate(long orgId, long branchId, long manifestId) {
    long differences =
        sql.jdbc()
            .sql(
                "SELECT (SELECT count(*) FROM (SELECT path, blob_id FROM manifest_entries"
                    + " WHERE org_id = ? AND manifest_id = ? EXCEPT SELECT path, blob_id"
                    + " FROM branch_files WHERE org_id = ? AND branch_id = ?) a)"
                    + " + (SELECT count(*) FROM (SELECT path, blob_id FROM branch_files"
                    + " WHERE org_id = ? AND branch_id = ? EXCEPT SELECT path, blob_id"
                    + " FROM manifest_entries WHERE org_id = ? AND manifest_id = ?) b)")
            .params(orgId, manifestId, orgId, branchId, orgId, branchId, orgId, manifestId)
            .query(Long.class)
            .single();
    boolean resolvedBefore =
        sql.jdbc()
                .sql("SELECT count(*) FROM branch_files WHERE org_id = ? AND branch_id = ?")
                .params(orgId, branchId)
                .query(Long.class)
                .single()
            > 0;
    return differences == 0 && resolvedBefore;
  }

  /** References of the branch resolved to at least one definition, as stored. */
  public long resolvedCount(long orgId, long branchId) {
    return sql.jdbc()
        .sql(
            "SELECT count(*) FROM (SELECT DISTINCT from_file, ref_ordinal FROM resolved_refs"
                + " WHERE org_id = ? AND branch_id = ?) r")
        .params(orgId, branchId)
        .query(Long.class)
        .single();
  }

  /** Resolves the whole branch and replaces its stored resolution. */
  public Outcome resolveAll(long orgId, long branchId, long manifestId) {
    return resolveAll(orgId, branchId, manifestId, Map.of());
  }

  /**
   * Resolves the whole branch from {@code parsed} (blob id to facts, what an index run just parsed)
   * when it holds every parsed blob of the manifest, else from the database.
   */
  public Outcome resolveAll(
      long orgId, long branchId, long manifestId, Map<Long, BlobFacts> parsed) {
    long started = System.nanoTime();
    Branch branch = load(orgId, manifestId, parsed);
    return writeAll(orgId, branchId, branch, started);
  }

  /**
   * Re-resolves what changed since the branch was last resolved; the whole branch when it never
   * was, when much changed, or when the previous contents' symbols are gone.
   */
  public Outcome resolveChanges(long orgId, long branchId, long manifestId) {
    long started = System.nanoTime();
    Map<String, long[]> previous = previousFiles(orgId, branchId);
    Branch branch = load(orgId, manifestId, Map.of());
    if (previous.isEmpty()) {
      return writeAll(orgId, branchId, branch, started);
    }
    ResolutionCore core = branch.core();
    Set<String> removed = new HashSet<>(previous.keySet());
    Set<Integer> changedFiles = new HashSet<>();
    Set<Long> oldBlobs = new HashSet<>();
    for (int i = 0; i < core.fileCount(); i++) {
      String path = core.file(i).path();
      removed.remove(path);
      long[] before = previous.get(path);
      if (before == null) {
        changedFiles.add(i);
      } else if (before[1] != branch.blobs()[i]) {
        changedFiles.add(i);
        oldBlobs.add(before[1]);
      }
    }
    for (String path : removed) {
      oldBlobs.add(requireNonNull(previous.get(path))[1]);
    }
    int changes = changedFiles.size() + removed.size();
    if (changes > Math.max(20, INCREMENTAL_LIMIT * core.fileCount())) {
      return writeAll(orgId, branchId, branch, started);
    }
    // Names whose candidates may have changed: every name of an added or removed file; for an
    // edited file, the names whose definitions (kind, container) differ, or all of them when its
    // language or package changed. References resolved into a changed file are re-resolved too,
    // since its symbol ordinals may have moved.
    Map<Long, OldBlob> old = oldBlobs(orgId, oldBlobs);
    if (old == null) {
      return writeAll(orgId, branchId, branch, started);
    }
    Set<String> names = new HashSet<>();
    for (int i : changedFiles) {
      FileFacts now = core.file(i);
      long[] before = previous.get(now.path());
      OldBlob was = before == null ? null : old.get(before[1]);
      if (was == null
          || !was.languageAndPackage().equals(now.language().id() + "\0" + now.packageName())) {
        now.symbols().forEach(s -> names.add(s.name()));
        if (was != null) {
          was.signatures().forEach(sig -> names.add(sig.substring(0, sig.indexOf('\0'))));
        }
        continue;
      }
      Map<String, Integer> delta = new HashMap<>();
      for (Sym sym : now.symbols()) {
        delta.merge(signature(sym.name(), sym.kind().id(), sym.container()), 1, Integer::sum);
      }
      for (String sig : was.signatures()) {
        delta.merge(sig, -1, Integer::sum);
      }
      delta.forEach((sig, count) -> {
        if (count != 0) {
          names.add(sig.substring(0, sig.indexOf('\0')));
        }
      });
    }
    for (String path : removed) {
      OldBlob was = old.get(requireNonNull(previous.get(path))[1]);
      if (was != null) {
        was.signatures().forEach(sig -> names.add(sig.substring(0, sig.indexOf('\0'))));
      }
    }
    Set<Long> intoChanged = new HashSet<>();
    List<Long> changedIds = new ArrayList<>();
    for (int i : changedFiles) {
      long[] before = previous.get(core.file(i).path());
      if (before != null) {
        changedIds.add(before[0]);
      }
    }
    for (String path : removed) {
      changedIds.add(requireNonNull(previous.get(path))[0]);
    }
    refsInto(orgId, branchId, changedIds, intoChanged);

    // file ids: kept while the path stays, new paths get new ones
    int[] fileIds = new int[core.fileCount()];
    int nextId = 0;
    for (long[] before : previous.values()) {
      nextId = Math.max(nextId, (int) before[0] + 1);
    }
    for (int i = 0; i < core.fileCount(); i++) {
      long[] before = previous.get(core.file(i).path());
      fileIds[i] = before == null ? nextId++ : (int) before[0];
    }

    // imports: all re-resolved in memory (cheap), rows rewritten where they differ
    Map<Integer, List<String>> storedDeps = storedDependencies(orgId, branchId);
    Set<Integer> depsChanged = new HashSet<>();
    for (int i = 0; i < core.fileCount(); i++) {
      List<String> now = dependencyKeys(core, i, fileIds);
      List<String> before = storedDeps.getOrDefault(fileIds[i], List.of());
      if (!now.equals(before)) {
        depsChanged.add(i);
      }
    }
    Set<Integer> dirtyFiles = new HashSet<>(changedFiles);
    dirtyFiles.addAll(depsChanged);

    List<Object[]> refRows = new ArrayList<>();
    List<Object[]> refDeletes = new ArrayList<>();
    long rewritten = 0;
    for (int i = 0; i < core.fileCount(); i++) {
      List<Ref> refs = core.file(i).refs();
      boolean dirty = dirtyFiles.contains(i);
      for (int r = 0; r < refs.size(); r++) {
        if (dirty
            || names.contains(refs.get(r).name())
            || intoChanged.contains(ResolutionCore.pack(fileIds[i], r))) {
          if (!dirty) {
            refDeletes.add(new Object[] {orgId, branchId, fileIds[i], r});
          }
          rewritten++;
          addRefRows(orgId, branchId, core, i, r, fileIds, refRows);
        }
      }
    }
    List<Object[]> depRows = new ArrayList<>();
    for (int i : depsChanged) {
      addDependencyRows(orgId, branchId, core, i, fileIds, depRows);
    }
    List<Object[]> fileDeletes = new ArrayList<>();
    List<Object[]> depDeletes = new ArrayList<>();
    List<Object[]> refFileDeletes = new ArrayList<>();
    for (String path : removed) {
      long id = requireNonNull(previous.get(path))[0];
      fileDeletes.add(new Object[] {orgId, branchId, id});
      depDeletes.add(new Object[] {orgId, branchId, id});
      refFileDeletes.add(new Object[] {orgId, branchId, id});
    }
    for (int i : depsChanged) {
      depDeletes.add(new Object[] {orgId, branchId, fileIds[i]});
    }
    for (int i : dirtyFiles) {
      refFileDeletes.add(new Object[] {orgId, branchId, fileIds[i]});
    }
    List<Object[]> fileUpserts = new ArrayList<>();
    for (int i : changedFiles) {
      fileDeletes.add(new Object[] {orgId, branchId, fileIds[i]});
      fileUpserts.add(
          new Object[] {orgId, branchId, fileIds[i], core.file(i).path(), branch.blobs()[i]});
    }
    turns.run(() ->
        sql.inTransaction(() -> {
          sql.batch(
              "DELETE FROM branch_files WHERE org_id = ? AND branch_id = ? AND file_id = ?",
              fileDeletes);
          insert(INSERT_FILE, fileUpserts);
          sql.batch(
              "DELETE FROM file_dependencies WHERE org_id = ? AND branch_id = ? AND from_file = ?",
              depDeletes);
          insert(INSERT_DEPENDENCY, depRows);
          sql.batch(
              "DELETE FROM resolved_refs WHERE org_id = ? AND branch_id = ? AND from_file = ?",
              refFileDeletes);
          sql.batch(
              "DELETE FROM resolved_refs WHERE org_id = ? AND branch_id = ? AND from_file = ?"
                  + " AND ref_ordinal = ?",
              refDeletes);
          insertResolved(refRows);
        }));
    long resolved =
        sql.jdbc()
            .sql(
                "SELECT count(*) FROM (SELECT DISTINCT from_file, ref_ordinal FROM resolved_refs"
                    + " WHERE org_id = ? AND branch_id = ?) d")
            .params(orgId, branchId)
            .query(Long.class)
            .single();
    long dependencies =
        sql.jdbc()
            .sql("SELECT count(*) FROM file_dependencies WHERE org_id = ? AND branch_id = ?")
            .params(orgId, branchId)
            .query(Long.class)
            .single();
    return new Outcome(
        false,
        core.fileCount(),
        branch.references(),
        resolved,
        rewritten,
        dependencies,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static final String INSERT_FILE =
      "INSERT INTO branch_files (org_id, branch_id, file_id, path, blob_id) VALUES (?, ?, ?, ?, ?)";
  private static final String INSERT_DEPENDENCY =
      "INSERT INTO file_dependencies (org_id, branch_id, from_file, import_ordinal, to_file,"
          + " external_package, kind) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_REF =
      "INSERT INTO resolved_refs (org_id, branch_id, from_file, ref_ordinal, from_symbol,"
          + " to_file, to_symbol, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private Outcome writeAll(long orgId, long branchId, Branch branch, long started) {
    ResolutionCore core = branch.core();
    int[] fileIds = new int[core.fileCount()];
    List<Object[]> fileRows = new ArrayList<>(core.fileCount());
    for (int i = 0; i < core.fileCount(); i++) {
      fileIds[i] = i;
      fileRows.add(new Object[] {orgId, branchId, i, core.file(i).path(), branch.blobs()[i]});
    }
    // Files resolve independently (each file's import bindings are its own), so on all cores.
    FileRows[] perFile = new FileRows[core.fileCount()];
    IntStream.range(0, core.fileCount())
        .parallel()
        .forEach(i -> {
          FileRows rows = new FileRows();
          addDependencyRows(orgId, branchId, core, i, fileIds, rows.dependencies);
          for (int r = 0; r < core.file(i).refs().size(); r++) {
            if (addRefRows(orgId, branchId, core, i, r, fileIds, rows.references)) {
              rows.resolved++;
            }
          }
          perFile[i] = rows;
        });
    List<Object[]> depRows = new ArrayList<>();
    List<Object[]> refRows = new ArrayList<>();
    long resolved = 0;
    for (FileRows rows : perFile) {
      depRows.addAll(rows.dependencies);
      refRows.addAll(rows.references);
      resolved += rows.resolved;
    }
    turns.run(() ->
        sql.inTransaction(() -> {
          JdbcTemplate jdbc = sql.jdbcTemplate();
          for (String table : List.of("resolved_refs", "file_dependencies", "branch_files")) {
            jdbc.update(
                "DELETE FROM " + table + " WHERE org_id = ? AND branch_id = ?", orgId, branchId);
          }
          insert(INSERT_FILE, fileRows);
          insert(INSERT_DEPENDENCY, depRows);
          insertResolved(refRows);
        }));
    return new Outcome(
        true,
        core.fileCount(),
        branch.references(),
        resolved,
        branch.references(),
        depRows.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** One file's rows, resolved on any thread. */
  private static final class FileRows {
    final List<Object[]> dependencies = new ArrayList<>();
    final List<Object[]> references = new ArrayList<>();
    long resolved;
  }

  private static boolean addRefRows(
      long orgId,
      long branchId,
      ResolutionCore core,
      int file,
      int ref,
      int[] fileIds,
      List<Object[]> rows) {
    List<Target> targets = core.resolve(file, ref);
    int enclosing = core.file(file).refs().get(ref).enclosing();
    for (Target t : targets) {
      rows.add(
          new Object[] {
            orgId,
            branchId,
            fileIds[file],
            ref,
            enclosing < 0 ? null : enclosing,
            fileIds[t.file()],
            t.symbol(),
            t.confidence()
          });
    }
    return !targets.isEmpty();
  }

  private static void addDependencyRows(
      long orgId,
      long branchId,
      ResolutionCore core,
      int file,
      int[] fileIds,
      List<Object[]> rows) {
    List<List<Dependency>> imports = core.dependencies(file);
    for (int n = 0; n < imports.size(); n++) {
      for (Dependency d : imports.get(n)) {
        rows.add(
            new Object[] {
              orgId,
              branchId,
              fileIds[file],
              n,
              d.kind() == Dependency.Kind.FILE ? fileIds[d.toFile()] : null,
              d.externalPackage(),
              d.kind().id()
            });
      }
    }
  }

  /** A file's dependency rows as comparable keys, in a fixed order. */
  private static List<String> dependencyKeys(ResolutionCore core, int file, int[] fileIds) {
    List<String> keys = new ArrayList<>();
    List<List<Dependency>> imports = core.dependencies(file);
    for (int n = 0; n < imports.size(); n++) {
      for (Dependency d : imports.get(n)) {
        keys.add(
            key(
                n,
                d.kind() == Dependency.Kind.FILE ? fileIds[d.toFile()] : null,
                d.externalPackage(),
                d.kind().id()));
      }
    }
    keys.sort(null);
    return keys;
  }

  private static String key(
      int ordinal, @Nullable Integer toFile, @Nullable String external, String kind) {
    return ordinal + "\0" + toFile + "\0" + external + "\0" + kind;
  }

  private Map<Integer, List<String>> storedDependencies(long orgId, long branchId) {
    Map<Integer, List<String>> out = new HashMap<>();
    streaming.query(
        "SELECT from_file, import_ordinal, to_file, external_package, kind FROM file_dependencies"
            + " WHERE org_id = ? AND branch_id = ?",
        row -> {
          int toFile = row.getInt(3);
          Integer to = row.wasNull() ? null : toFile;
          out.computeIfAbsent(row.getInt(1), k -> new ArrayList<>())
              .add(key(row.getInt(2), to, row.getString(4), row.getString(5)));
        },
        orgId,
        branchId);
    out.values().forEach(list -> list.sort(null));
    return out;
  }

  /** path -> {file_id, blob_id} as last resolved; empty when the branch never was. */
  private Map<String, long[]> previousFiles(long orgId, long branchId) {
    Map<String, long[]> out = new HashMap<>();
    streaming.query(
        "SELECT path, file_id, blob_id FROM branch_files WHERE org_id = ? AND branch_id = ?",
        row -> {
          out.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3)});
        },
        orgId,
        branchId);
    return out;
  }

  /** A previous content's language, package and symbol signatures (name, kind, container). */
  private record OldBlob(String languageAndPackage, List<String> signatures) {}

  private static String signature(String name, String kind, @Nullable String container) {
    return name + "\0" + kind + "\0" + container;
  }

  /** The blobs' parse facts; null when one of them has no parse results any more. */
  private @Nullable Map<Long, OldBlob> oldBlobs(long orgId, Set<Long> blobs) {
    Map<Long, String> languages = new HashMap<>();
    Map<Long, List<String>> signatures = new HashMap<>();
    List<Long> all = List.copyOf(blobs);
    for (int from = 0; from < all.size(); from += IN_LIST) {
      List<Long> slice = all.subList(from, Math.min(all.size(), from + IN_LIST));
      String marks = String.join(",", java.util.Collections.nCopies(slice.size(), "?"));
      List<Object> params = new ArrayList<>();
      params.add(orgId);
      params.addAll(slice);
      sql.jdbc()
          .sql(
              "SELECT blob_id, language, package_name FROM blob_parses WHERE org_id = ?"
                  + " AND blob_id IN ("
                  + marks
                  + ")")
          .params(params)
          .query(row -> {
            languages.put(row.getLong(1), row.getString(2) + "\0" + row.getString(3));
          });
      sql.jdbc()
          .sql(
              "SELECT blob_id, name, kind, container FROM symbols WHERE org_id = ?"
                  + " AND blob_id IN ("
                  + marks
                  + ")")
          .params(params)
          .query(row -> {
            signatures
                .computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                .add(signature(row.getString(2), row.getString(3), row.getString(4)));
          });
    }
    if (languages.size() < blobs.size()) {
      return null;
    }
    Map<Long, OldBlob> out = new HashMap<>();
    languages.forEach((blob, language) ->
        out.put(blob, new OldBlob(language, signatures.getOrDefault(blob, List.of()))));
    return out;
  }

  /** Adds (file id, ordinal) of the references resolved into the files, packed. */
  private void refsInto(long orgId, long branchId, List<Long> fileIds, Set<Long> out) {
    for (int from = 0; from < fileIds.size(); from += IN_LIST) {
      List<Long> slice = fileIds.subList(from, Math.min(fileIds.size(), from + IN_LIST));
      String marks = String.join(",", java.util.Collections.nCopies(slice.size(), "?"));
      List<Object> params = new ArrayList<>();
      params.add(orgId);
      params.add(branchId);
      params.addAll(slice);
      sql.jdbc()
          .sql(
              "SELECT from_file, ref_ordinal FROM resolved_refs WHERE org_id = ? AND branch_id = ?"
                  + " AND to_file IN ("
                  + marks
                  + ")")
          .params(params)
          .query(row -> {
            out.add(ResolutionCore.pack(row.getInt(1), row.getInt(2)));
          });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  /** The branch in memory: its resolution core and each file's blob id. */
  private record Branch(ResolutionCore core, long[] blobs, long references) {}

  /** One blob's parse facts while its rows are read, shared by every path with that content. */
  private static final class LoadingBlob {
    Language language = Language.TEXT;
    String packageName = "";
    @Nullable Sym[] symbols = new Sym[0];
    @Nullable Imp[] imports = new Imp[0];
    @Nullable Ref[] refs = new Ref[0];
    @Nullable BlobFacts facts;

    /** The facts read, once (the rows' arrays are let go). */
    BlobFacts facts() {
      if (facts == null) {
        facts =
            new BlobFacts(language, packageName, present(symbols), present(imports), present(refs));
        symbols = new Sym[0];
        imports = new Imp[0];
        refs = new Ref[0];
      }
      return facts;
    }
  }

  private Branch load(long orgId, long manifestId, Map<Long, BlobFacts> parsed) {
    return sql.inTransaction(() -> loadInTransaction(orgId, manifestId, parsed));
  }

  private Branch loadInTransaction(long orgId, long manifestId, Map<Long, BlobFacts> parsed) {
    Map<String, String> interned = new HashMap<>();
    TreeMap<String, Long> paths = new TreeMap<>();
    Map<Long, LoadingBlob> blobs = new HashMap<>();
    Set<String> testPaths = new HashSet<>();
    streaming.query(
        "SELECT e.path, e.blob_id, p.language, p.package_name, p.symbol_count, p.import_count,"
            + " p.reference_count, e.file_class FROM manifest_entries e LEFT JOIN blob_parses p"
            + " ON p.org_id = e.org_id AND p.blob_id = e.blob_id"
            + " WHERE e.org_id = ? AND e.manifest_id = ?",
        row -> {
          long blob = row.getLong(2);
          paths.put(row.getString(1), blob);
          if (FileClasses.read(row.getString(8)) == FileClass.TEST) {
            testPaths.add(row.getString(1));
          }
          String language = row.getString(3);
          if (language != null && !blobs.containsKey(blob)) {
            LoadingBlob facts = new LoadingBlob();
            facts.language = Language.ofId(language);
            facts.packageName = BlobFacts.intern(interned, row.getString(4));
            facts.symbols = new Sym[row.getInt(5)];
            facts.imports = new Imp[row.getInt(6)];
            facts.refs = new Ref[row.getInt(7)];
            blobs.put(blob, facts);
          }
        },
        orgId,
        manifestId);
    // A first index resolves from what it just parsed: reading 200k symbols and 700k references
    // back would take seconds.
    boolean fromParse = !parsed.isEmpty() && parsed.keySet().containsAll(blobs.keySet());
    if (!fromParse) {
      readParses(orgId, manifestId, blobs, interned);
    }
    List<FileFacts> files = new ArrayList<>(paths.size());
    long[] blobIds = new long[paths.size()];
    Map<String, String> goModules = new HashMap<>();
    long references = 0;
    int i = 0;
    for (Map.Entry<String, Long> entry : paths.entrySet()) {
      String path = entry.getKey();
      blobIds[i++] = entry.getValue();
      if (path.equals("go.mod") || path.endsWith("/go.mod")) {
        String module = goModule(orgId, entry.getValue());
        if (module != null) {
          goModules.put(ResolutionCore.dir(path), module);
        }
      }
      LoadingBlob loaded = blobs.get(entry.getValue());
      BlobFacts facts =
          loaded == null ? null : fromParse ? parsed.get(entry.getValue()) : loaded.facts();
      if (facts == null) {
        files.add(new FileFacts(path, Language.TEXT, "", List.of(), List.of(), List.of()));
        continue;
      }
      references += facts.refs().size();
      files.add(facts.at(path));
    }
    return new Branch(
        new ResolutionCore(files, goModules, rootName(orgId, manifestId), testPaths),
        blobIds,
        references);
  }

  /** Reads the parse rows of the manifest's blobs into {@code blobs}. */
  private void readParses(
      long orgId, long manifestId, Map<Long, LoadingBlob> blobs, Map<String, String> interned) {
    String blobsOfManifest =
        " AND blob_id IN (SELECT blob_id FROM manifest_entries WHERE org_id = ? AND manifest_id = ?)";
    streaming.query(
        "SELECT blob_id, ordinal, parent_ordinal, name, kind, container, qualified_name,"
            + " signature FROM symbols WHERE org_id = ?"
            + blobsOfManifest,
        row -> {
          LoadingBlob facts = blobs.get(row.getLong(1));
          if (facts != null) {
            int parent = row.getInt(3);
            if (row.wasNull()) {
              parent = -1;
            }
            String container = row.getString(6);
            facts.symbols =
                put(
                    facts.symbols,
                    row.getInt(2),
                    new Sym(
                        BlobFacts.intern(interned, row.getString(4)),
                        SymbolKind.ofId(row.getString(5)),
                        container == null ? null : BlobFacts.intern(interned, container),
                        row.getString(7),
                        parent,
                        Arity.of(
                            facts.language, SymbolKind.ofId(row.getString(5)), row.getString(8))));
          }
        },
        orgId,
        orgId,
        manifestId);
    streaming.query(
        "SELECT blob_id, ordinal, target, alias FROM imports WHERE org_id = ?" + blobsOfManifest,
        row -> {
          LoadingBlob facts = blobs.get(row.getLong(1));
          if (facts != null) {
            String alias = row.getString(4);
            facts.imports =
                put(
                    facts.imports,
                    row.getInt(2),
                    new Imp(
                        BlobFacts.intern(interned, row.getString(3)),
                        alias == null ? null : BlobFacts.intern(interned, alias)));
          }
        },
        orgId,
        orgId,
        manifestId);
    streaming.query(
        "SELECT blob_id, refs FROM blob_refs WHERE org_id = ?" + blobsOfManifest,
        row -> {
          LoadingBlob facts = blobs.get(row.getLong(1));
          if (facts != null) {
            List<StoredReference> stored = PackedReferences.unpack(row.getString(2));
            Ref[] refs = new Ref[stored.size()];
            for (int n = 0; n < refs.length; n++) {
              StoredReference r = stored.get(n);
              String qualifier = r.qualifier();
              refs[n] =
                  new Ref(
                      BlobFacts.intern(interned, r.name()),
                      r.kind(),
                      qualifier == null ? null : BlobFacts.intern(interned, qualifier),
                      r.enclosing(),
                      BlobFacts.intern(interned, r.receiverType()),
                      r.arguments());
            }
            facts.refs = refs;
          }
        },
        orgId,
        orgId,
        manifestId);
  }

  /** The last segment of the repository's folder or clone URL, without ".git". */
  private String rootName(long orgId, long manifestId) {
    String location =
        sql.jdbc()
            .sql(
                "SELECT r.location FROM manifests m"
                    + " JOIN branches b ON b.org_id = m.org_id AND b.id = m.branch_id"
                    + " JOIN repositories r ON r.org_id = b.org_id AND r.id = b.repository_id"
                    + " WHERE m.org_id = ? AND m.id = ?")
            .params(orgId, manifestId)
            .query(String.class)
            .optional()
            .orElse("");
    String trimmed = location.replaceAll("[/\\\\]+$", "");
    String last =
        trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
    return last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
  }

  private @Nullable String goModule(long orgId, long blobId) {
    List<byte[]> content =
        sql.jdbc()
            .sql("SELECT content FROM blobs WHERE org_id = ? AND id = ? AND content IS NOT NULL")
            .params(orgId, blobId)
            .query((row, n) -> row.getBytes(1))
            .list();
    if (content.isEmpty()) {
      return null;
    }
    Matcher m = GO_MODULE.matcher(new String(content.getFirst(), StandardCharsets.UTF_8));
    return m.find() ? m.group(1) : null;
  }

  private static <T> @Nullable T[] put(@Nullable T[] array, int index, T value) {
    @Nullable T[] target = array;
    if (index >= target.length) {
      target = Arrays.copyOf(target, Math.max(index + 1, target.length * 2));
    }
    target[index] = value;
    return target;
  }

  /** The array as a list without gaps (a gap would mean rows written out of step). */
  private static <T> List<T> present(@Nullable T[] array) {
    List<T> out = new ArrayList<>();
    for (T value : array) {
      if (value != null) {
        out.add(value);
      }
    }
    return List.copyOf(out);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Inserts rows: on SQLite as a batch of one prepared statement, on PostgreSQL with multi-row
   * VALUES statements of {@link #ROWS_PER_INSERT} rows (one round trip per few hundred rows, where
   * a JDBC batch would still send one insert per row).
   */
  /**
   * Inserts resolved-reference rows; PostgreSQL takes them (numbers and NULLs only) through COPY,
   * several times faster than multi-row INSERTs for the hundreds of thousands of a large branch.
   */
  private void insertResolved(List<Object[]> rows) {
    if (rows.isEmpty() || sql.vendor() != DatabaseVendor.POSTGRESQL) {
      insert(INSERT_REF, rows);
      return;
    }
    sql.jdbcTemplate()
        .execute(
            (ConnectionCallback<Long>)
                connection -> {
                  CopyIn copy =
                      connection
                          .unwrap(PGConnection.class)
                          .getCopyAPI()
                          .copyIn(
                              "COPY resolved_refs (org_id, branch_id, from_file, ref_ordinal, from_symbol,"
                                  + " to_file, to_symbol, confidence) FROM STDIN");
                  try {
                    StringBuilder text = new StringBuilder(64 * 1024);
                    for (Object[] row : rows) {
                      for (int i = 0; i < row.length; i++) {
                        text.append(i == 0 ? "" : "\t").append(row[i] == null ? "\\N" : row[i]);
                      }
                      text.append('\n');
                      if (text.length() > 60 * 1024) {
                        write(copy, text);
                      }
                    }
                    write(copy, text);
                    return copy.endCopy();
                  } finally {
                    if (copy.isActive()) {
                      copy.cancelCopy();
                    }
                  }
                });
  }

  private static void write(CopyIn copy, StringBuilder text) throws SQLException {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    text.setLength(0);
  }

  private void insert(String statement, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    if (sql.vendor() == DatabaseVendor.SQLITE) {
      sql.batch(statement, rows);
      return;
    }
    JdbcTemplate jdbc = sql.jdbcTemplate();
    int columns = rows.getFirst().length;
    String one = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
    String head = statement.substring(0, statement.indexOf(" VALUES ") + 8);
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      String sqlText = head + String.join(", ", java.util.Collections.nCopies(slice.size(), one));
      jdbc.update(
          sqlText,
          (PreparedStatement ps) -> {
            int index = 1;
            for (Object[] row : slice) {
              for (Object value : row) {
                Sql.bind(ps, index++, value);
              }
            }
          });
    }
  }
}
