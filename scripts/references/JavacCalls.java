import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Ground truth for reference resolution from javac itself: attributes every Java file under ROOT
 * (Compiler Tree API), then writes one JSON line per method call site that javac resolved: the
 * site (path relative to ROOT, 1-based line, 0-based column of the method name, the name) and the
 * invoked method's declaration (its file and the line of its name) when it is in ROOT's sources,
 * else {"external": true}. Constructor calls are left out. A fixed-seed sample of SAMPLE sites
 * (0: all) in source order.
 *
 * <p>Usage: java --add-exports jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED JavacCalls.java
 * ROOT CLASSPATH SAMPLE SEED OUT.jsonl
 */
public class JavacCalls {

  record Site(String path, long line, long col, String name, String target, long targetLine) {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    String classpath = args[1];
    int sample = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    Path out = Path.of(args[4]);
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(root)) {
      sources =
          walk.filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.getFileName().toString().equals("module-info.java"))
              .sorted()
              .toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
    List<String> options =
        List.of("-proc:none", "-classpath", classpath, "-Xmaxerrs", "100000", "-nowarn",
            "-XDshould-stop.ifError=FLOW", "-implicit:none");
    int[] errors = {0};
    JavacTask task =
        (JavacTask)
            javac.getTask(
                null,
                files,
                d -> {
                  if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                    errors[0]++;
                  }
                },
                options,
                null,
                units);
    Iterable<? extends CompilationUnitTree> trees = task.parse();
    task.analyze();
    Trees treeUtil = Trees.instance(task);
    SourcePositions positions = treeUtil.getSourcePositions();
    List<Site> sites = new ArrayList<>();
    int[] unattributed = {0};
    for (CompilationUnitTree cu : trees) {
      String path = root.relativize(Path.of(cu.getSourceFile().toUri())).toString();
      LineMap lines = cu.getLineMap();
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          Tree select = node.getMethodSelect();
          String name;
          long pos;
          if (select instanceof MemberSelectTree m) {
            name = m.getIdentifier().toString();
            pos = positions.getEndPosition(cu, m) - name.length();
          } else if (select instanceof IdentifierTree id) {
            name = id.getName().toString();
            pos = positions.getStartPosition(cu, id);
          } else {
            return super.visitMethodInvocation(node, unused);
          }
          if (name.equals("this") || name.equals("super") || pos < 0) {
            return super.visitMethodInvocation(node, unused);
          }
          Element e = treeUtil.getElement(new TreePath(getCurrentPath(), select));
          if (e == null || e.getKind() != ElementKind.METHOD) {
            unattributed[0]++;
            return super.visitMethodInvocation(node, unused);
          }
          long line = lines.getLineNumber(pos);
          long col = pos - lines.getStartPosition(line);
          TreePath decl = treeUtil.getPath(e);
          if (decl != null && decl.getLeaf() instanceof MethodTree) {
            CompilationUnitTree declUnit = decl.getCompilationUnit();
            long namePos = ((com.sun.tools.javac.tree.JCTree) decl.getLeaf()).pos;
            String target = root.relativize(Path.of(declUnit.getSourceFile().toUri())).toString();
            sites.add(
                new Site(path, line, col, name, target, declUnit.getLineMap().getLineNumber(namePos)));
          } else {
            sites.add(new Site(path, line, col, name, null, 0));
          }
          return super.visitMethodInvocation(node, unused);
        }
      }.scan(cu, null);
    }
    List<Site> chosen = sites;
    if (sample > 0 && sample < sites.size()) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < sites.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(seed));
      List<Integer> picked = new ArrayList<>(order.subList(0, sample));
      Collections.sort(picked);
      chosen = picked.stream().map(sites::get).toList();
    }
    long inSources = 0;
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      for (Site s : chosen) {
        StringBuilder b = new StringBuilder();
        b.append("{\"file\":\"").append(s.path()).append("\",\"line\":").append(s.line())
            .append(",\"col\":").append(s.col()).append(",\"name\":\"").append(s.name()).append('"');
        if (s.target() != null) {
          inSources++;
          b.append(",\"target\":\"").append(s.target()).append("\",\"targetLine\":")
              .append(s.targetLine());
        } else {
          b.append(",\"external\":true");
        }
        w.println(b.append('}'));
      }
    }
    System.err.printf(
        "javac: %d files, %d errors, %d call sites attributed (%d not), wrote %d (%d into the sources)%n",
        sources.size(), errors[0], sites.size(), unattributed[0], chosen.size(), inSources);
  }
}
