package dev.atelier.codeintel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Parses and extracts every source file under a folder with N threads and prints files/s and
 * totals; with {@code --ctags}, times {@code ctags} over the same file list in the same run.
 *
 * <pre>
 * java -Xmx1g --enable-native-access=ALL-UNNAMED -cp TEST_AND_MAIN_CLASSPATH \
 *   dev.atelier.codeintel.ParseBenchmark DIR [--threads 2] [--backend auto|o2|bonede] \
 *   [--runs 3] [--ctags]
 * </pre>
 *
 * Each run reads the files (page cache warm after the first, untimed, pass) and parses them; the
 * best of the timed runs is reported. See {@code scripts/bench-parse}.
 */
public final class ParseBenchmark {

  private ParseBenchmark() {}

  record Totals(
      int files,
      long bytes,
      long symbols,
      long imports,
      long refs,
      long errors,
      long nanos,
      long cpuNanos) {}

  /** Wall and CPU (user + system, all processes' threads) seconds of one ctags run. */
  record Timing(double wall, double cpu) {}

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: ParseBenchmark DIR [--threads N] [--backend auto|o2|bonede] [--runs N] [--ctags]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int threads = 2;
    int runs = 3;
    String backend = "auto";
    boolean ctags = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--backend" -> backend = args[++i];
        case "--ctags" -> ctags = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<Path> files = sourceFiles(dir);
    long totalBytes = 0;
    for (Path f : files) {
      totalBytes += Files.size(f);
    }
    System.out.printf(
        Locale.ROOT,
        "corpus %s: %d files, %.1f MB; %d threads; max heap %d MB%n",
        dir,
        files.size(),
        totalBytes / 1e6,
        threads,
        Runtime.getRuntime().maxMemory() >> 20);
    try (CodeParser parser =
        switch (backend) {
          case "o2" -> CodeParsers.create(CodeParsers.Backend.TREE_SITTER_O2);
          case "bonede" -> CodeParsers.create(CodeParsers.Backend.BONEDE);
          default -> CodeParsers.create();
        }) {
      System.out.println("backend " + parser.backend());
      run(parser, files, threads); // warm-up: JIT, page cache
      Totals best = null;
      for (int r = 0; r < runs; r++) {
        Totals t = run(parser, files, threads);
        System.out.printf(
            Locale.ROOT,
            "  run %d: %.2f s wall, %.2f s CPU (%.0f files/s, %.1f MB/s)%n",
            r + 1,
            t.nanos / 1e9,
            t.cpuNanos / 1e9,
            t.files / (t.nanos / 1e9),
            t.bytes / 1e6 / (t.nanos / 1e9));
        if (best == null || t.nanos < best.nanos) {
          best = t;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "atelier %s: %.2f s wall, %.2f s CPU, %.0f files/s, %.1f MB/s; %d symbols, %d imports,"
              + " %d references, %d syntax errors%n",
          parser.backend(),
          best.nanos / 1e9,
          best.cpuNanos / 1e9,
          best.files / (best.nanos / 1e9),
          best.bytes / 1e6 / (best.nanos / 1e9),
          best.symbols,
          best.imports,
          best.refs,
          best.errors);
      if (ctags) {
        Timing c = ctags(files);
        System.out.printf(
            Locale.ROOT,
            "ctags (1 process, same %d files): %.2f s wall, %.2f s CPU, %.0f files/s%n",
            files.size(),
            c.wall,
            c.cpu,
            files.size() / c.wall);
        System.out.printf(
            Locale.ROOT,
            "ratio atelier/ctags: wall %.2f, CPU %.2f%n",
            best.nanos / 1e9 / c.wall,
            best.cpuNanos / 1e9 / c.cpu);
        Timing r = ctagsRecursive(dir);
        System.out.printf(
            Locale.ROOT,
            "ctags -R %s (every file ctags knows): %.2f s wall, %.2f s CPU; ratio wall %.2f%n",
            dir,
            r.wall,
            r.cpu,
            best.nanos / 1e9 / r.wall);
      }
    }
  }

  static List<Path> sourceFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> Language.ofPath(p.toString()).parsed())
          .sorted()
          .toList();
    }
  }

  static Totals run(CodeParser parser, List<Path> files, int threads) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    AtomicLong symbols = new AtomicLong();
    AtomicLong imports = new AtomicLong();
    AtomicLong refs = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          Thread.ofPlatform()
              .start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < files.size()) {
                  Path file = files.get(i);
                  byte[] content;
                  try {
                    content = Files.readAllBytes(file);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                  ParsedFile parsed =
                      parser.parse(
                          Language.ofPath(file.toString()),
                          new String(content, StandardCharsets.UTF_8));
                  bytes.addAndGet(content.length);
                  symbols.addAndGet(parsed.symbols().size());
                  imports.addAndGet(parsed.imports().size());
                  refs.addAndGet(parsed.references().size());
                  errors.addAndGet(parsed.syntaxErrors().size());
                }
              }));
    }
    for (Thread w : workers) {
      w.join();
    }
    return new Totals(
        files.size(),
        bytes.get(),
        symbols.get(),
        imports.get(),
        refs.get(),
        errors.get(),
        System.nanoTime() - start,
        processCpuNanos() - cpuStart);
  }

  static Timing ctagsRecursive(Path dir) throws IOException, InterruptedException {
    Timing best = null;
    for (int r = 0; r < 3; r++) {
      Timing t = timed("ctags -f /dev/null -R \"$0\"", dir.toString());
      if (best == null || t.wall < best.wall) {
        best = t;
      }
    }
    return best;
  }

  /** Runs a bash command line with one argument ($0), timing it; bash's `time` gives the CPU. */
  static Timing timed(String command, String arg) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(
                "bash", "-c", "TIMEFORMAT='%U %S'; time " + command + " >/dev/null 2>&1", arg)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    String[] last = out.lines().reduce((a, b) -> b).orElse("0 0").split(" ");
    return new Timing(wall, Double.parseDouble(last[0]) + Double.parseDouble(last[1]));
  }

  static Timing ctags(List<Path> files) throws IOException, InterruptedException {
    Path list = Files.createTempFile("atelier-bench", ".list");
    try {
      Files.write(list, files.stream().map(Path::toString).toList());
      Timing best = null;
      for (int r = 0; r < 3; r++) {
        Timing t = timed("ctags -f /dev/null -L \"$0\"", list.toString());
        if (best == null || t.wall < best.wall) {
          best = t;
        }
      }
      return best;
    } finally {
      Files.deleteIfExists(list);
    }
  }
}
