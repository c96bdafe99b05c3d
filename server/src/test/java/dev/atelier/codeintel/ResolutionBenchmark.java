package dev.atelier.codeintel;

import dev.atelier.codeintel.internal.resolve.FileFacts;
import dev.atelier.codeintel.internal.resolve.ResolutionCore;
import dev.atelier.codeintel.internal.resolve.Resolver;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.repos.Branch;
import dev.atelier.repos.NewRepository;
import dev.atelier.repos.RepoPath;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryKind;
import dev.atelier.repos.WorkingTreeSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Resolution on a synthetic Java-shaped workload until the tree-sitter parser lands: {@code files}
 * files in packages of 50, each one class with 20 methods, 6 imports and {@code refs} references (a
 * quarter each: calls on unknown receivers with common names, calls qualified by an imported class,
 * type uses of imported classes, calls of the file's own methods).
 *
 * <p>Run: {@code java -cp <test+main classpath> dev.atelier.codeintel.ResolutionBenchmark [files]
 * [refs] [postgres-url]}; without a URL it runs on SQLite in a temporary folder.
 */
public final class ResolutionBenchmark {

  private static final String[] COMMON = {"get", "set", "size", "run", "close"};

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int refs = args.length > 1 ? Integer.parseInt(args[1]) : 120;
    String url = args.length > 2 ? args[2] : null;

    // 1. the in-memory core alone
    List<FileFacts> facts = new ArrayList<>();
    BenchParser parser = new BenchParser(files, refs);
    for (int n = 0; n < files; n++) {
      facts.add(FileFacts.of(path(n), parser.parse(Language.JAVA, source(n))));
    }
    facts.sort(java.util.Comparator.comparing(FileFacts::path));
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      ResolutionCore core = new ResolutionCore(facts, Map.of());
      long t1 = System.nanoTime();
      long resolved = 0;
      long rows = 0;
      long deps = 0;
      for (int f = 0; f < core.fileCount(); f++) {
        for (var b : core.imports(f)) {
          deps += b.targets().size();
        }
        for (int r = 0; r < core.file(f).refs().size(); r++) {
          var targets = core.resolve(f, r);
          rows += targets.size();
          resolved += targets.isEmpty() ? 0 : 1;
        }
      }
      long t2 = System.nanoTime();
      System.out.printf(
          "core round %d: index %d ms, resolve %d ms; %d files, %d refs, %d resolved, %d rows,"
              + " %d dependency rows%n",
          round,
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          files,
          (long) files * refs,
          resolved,
          rows,
          deps);
    }

    // 2. through the database: index, full resolution, an update of three files
    Path tree = Files.createTempDirectory("atelier-bench-tree");
    Path data = Files.createTempDirectory("atelier-bench-data");
    for (int n = 0; n < files; n++) {
      Path file = tree.resolve(path(n));
      Files.createDirectories(file.getParent());
      Files.writeString(file, source(n));
    }
    AtelierSettings settings = AtelierSettings.local(data);
    if (url != null) {
      settings = settings.withService(url, "redis://localhost:6379");
    }
    try (Database database = Database.open(settings);
        CodeIndexer indexer =
            new CodeIndexer(database, ReposStorage.of(database), parser, cores())) {
      ReposStorage repos = ReposStorage.of(database);
      JdbcClient jdbc = JdbcClient.create(database.dataSource());
      String slug = "bench-" + UUID.randomUUID();
      long org =
          jdbc.sql("INSERT INTO orgs (slug, name) VALUES (?, ?) RETURNING id")
              .params(slug, slug)
              .query(Long.class)
              .single();
      Repository repository =
          repos
              .repositories()
              .register(
                  org,
                  new NewRepository("bench", RepositoryKind.WORKING_TREE, tree.toString(), "main"));
      long t0 = System.nanoTime();
      IndexSummary summary =
          indexer.index(repository, "main", WorkingTreeSource.of(tree), null, IndexListener.NONE);
      System.out.printf(
          "%s index (parse + write + resolve): %d ms; %d files, %d symbols, %d refs, %d resolved%n",
          database.vendor(),
          (System.nanoTime() - t0) / 1_000_000,
          summary.files(),
          summary.symbols(),
          summary.references(),
          summary.resolvedReferences());
      Resolver resolver =
          new Resolver(
              database.dataSource(),
              database.vendor(),
              new dev.atelier.codeintel.internal.work.WriteTurns());
      Branch branch = repos.branches().find(org, repository.id(), "main").orElseThrow();
      long manifest = Objects.requireNonNull(branch.manifestId()).value();
      for (int round = 0; round < 2; round++) {
        var full = resolver.resolveAll(org, branch.id().value(), manifest);
        System.out.printf(
            "%s full resolution: %d ms; %d resolved refs, %d dependency rows%n",
            database.vendor(), full.millis(), full.resolvedReferences(), full.dependencies());
      }
      long refRows =
          jdbc.sql("SELECT count(*) FROM resolved_refs WHERE org_id = ?")
              .param(org)
              .query(Long.class)
              .single();
      System.out.printf("%s resolved_refs rows: %d%n", database.vendor(), refRows);
      // an edit of three files: changed method names shift ordinals and names
      List<RepoPath> changed = new ArrayList<>();
      for (int n : new int[] {7, 1234, 4321}) {
        if (n < files) {
          Files.writeString(tree.resolve(path(n)), source(n) + "edited\n");
          changed.add(RepoPath.of(path(n)));
        }
      }
      long t1 = System.nanoTime();
      IndexSummary updated =
          indexer.update(
              repository,
              "main",
              WorkingTreeSource.of(tree),
              Set.copyOf(changed),
              IndexListener.NONE);
      System.out.printf(
          "%s update of %d files (parse + write + incremental resolve): %d ms; %d resolved%n",
          database.vendor(),
          changed.size(),
          (System.nanoTime() - t1) / 1_000_000,
          updated.resolvedReferences());
      var again =
          resolver.resolveChanges(org, branch.id().value(), manifest(repos, org, repository));
      System.out.printf(
          "%s incremental resolution with nothing changed: %d ms (loading dominates)%n",
          database.vendor(), again.millis());
      var check = resolver.resolveAll(org, branch.id().value(), manifest(repos, org, repository));
      System.out.printf(
          "%s full resolution after the update: %d ms; %d resolved (the update said %d)%n",
          database.vendor(),
          check.millis(),
          check.resolvedReferences(),
          updated.resolvedReferences());
    }
  }

  private static long manifest(ReposStorage repos, long org, Repository repository) {
    Branch branch = repos.branches().find(org, repository.id(), "main").orElseThrow();
    return Objects.requireNonNull(branch.manifestId()).value();
  }

  private static int cores() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  private static String path(int n) {
    return "src/main/java/com/bench/p" + (n / 50) + "/C" + n + ".java";
  }

  private static String source(int n) {
    return "bench " + n + "\n";
  }

  /** Parses "bench N" into the synthetic file N; an "edited" line renames its methods. */
  static final class BenchParser implements CodeParser {

    private final int files;
    private final int refs;

    BenchParser(int files, int refs) {
      this.files = files;
      this.refs = refs;
    }

    @Override
    public ParsedFile parse(Language language, String source) {
      int n = Integer.parseInt(source.lines().findFirst().orElseThrow().substring(6).strip());
      boolean edited = source.contains("edited");
      String pkg = "com.bench.p" + (n / 50);
      String cls = "C" + n;
      int methodBytes = 400;
      int end = 100 + 20 * methodBytes;
      List<SymbolDef> symbols = new ArrayList<>();
      symbols.add(symbol(cls, SymbolKind.CLASS, null, pkg + "." + cls, 0, end));
      for (int j = 0; j < 20; j++) {
        String name = method(n, j, edited);
        int start = 100 + j * methodBytes;
        symbols.add(
            symbol(
                name,
                SymbolKind.METHOD,
                pkg + "." + cls,
                pkg + "." + cls + "." + name,
                start,
                start + methodBytes));
      }
      List<ImportDecl> imports = new ArrayList<>();
      int[] imported = new int[5];
      for (int k = 0; k < 5; k++) {
        imported[k] = (int) (((long) n * 31 + k * 17 + 1) % files);
        int m = imported[k];
        imports.add(new ImportDecl("com.bench.p" + (m / 50) + ".C" + m, null, range(1 + k, 0, 0)));
      }
      imports.add(new ImportDecl("java.util.List", null, range(6, 0, 0)));
      List<NameRef> references = new ArrayList<>();
      for (int r = 0; r < refs; r++) {
        int j = (r * 20) / refs;
        int at = 100 + j * methodBytes + 10 + (r % 6) * 50;
        int m = imported[r % 5];
        SourceRange where = range(10 + r, at, 4);
        references.add(
            switch (r % 4) {
              case 0 -> new NameRef(COMMON[r % COMMON.length], RefKind.CALL, "x" + r, where);
              case 1 -> new NameRef(method(m, r % 20, false), RefKind.CALL, "C" + m, where);
              case 2 -> new NameRef("C" + m, RefKind.TYPE, null, where);
              default -> new NameRef(method(n, (r + 3) % 20, edited), RefKind.CALL, null, where);
            });
      }
      return new ParsedFile(language, pkg, symbols, imports, references, List.of());
    }

    private static String method(int n, int j, boolean edited) {
      if (j < COMMON.length) {
        return COMMON[j];
      }
      return (edited ? "renamed" : "handle") + (n % 97) + "_" + j;
    }

    private static SymbolDef symbol(
        String name,
        SymbolKind kind,
        @org.jspecify.annotations.Nullable String container,
        String qualified,
        int start,
        int end) {
      SourceRange range = new SourceRange(1, start, 1, end, start, end);
      return new SymbolDef(name, kind, container, qualified, name, null, range, range);
    }

    private static SourceRange range(int line, int startByte, int length) {
      return new SourceRange(line, 0, line, length, startByte, startByte + length);
    }

    @Override
    public String backend() {
      return "bench";
    }

    @Override
    public void close() {}
  }
}
