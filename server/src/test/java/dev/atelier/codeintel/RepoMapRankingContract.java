package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.Database;
import dev.atelier.repos.Branch;
import dev.atelier.repos.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repo map's PageRank on a Guava-shaped Java fixture, parsed and resolved for real: every file
 * carries an annotation and calls a {@code checkNotNull}, a few use the one real core type. The
 * subclasses pick SQLite or PostgreSQL.
 */
abstract class RepoMapRankingContract {

  private static final int WIDGETS = 36;

  @TempDir Path tree;

  private Database database;
  private CodeIntelligence core;
  private Branch branch;

  abstract Database openDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    write(
        "com/example/annotations/GwtCompatible.java",
        """
        package com.example.annotations;

        public @interface GwtCompatible {
          boolean serializable() default false;
        }
        """);
    write(
        "com/example/base/Preconditions.java",
        """
        package com.example.base;

        public final class Preconditions {
          public static <T> T checkNotNull(T reference) {
            if (reference == null) {
              throw new NullPointerException();
            }
            return reference;
          }

          public static <T> T checkNotNull(T reference, Object message) {
            if (reference == null) {
              throw new NullPointerException(String.valueOf(message));
            }
            return reference;
          }
        }
        """);
    write(
        "com/example/collect/ImmutableList.java",
        """
        package com.example.collect;

        import com.example.annotations.GwtCompatible;
        import com.example.base.Preconditions;

        @GwtCompatible
        public class ImmutableList<E> {
          public static <E> ImmutableList<E> of(E element) {
            Preconditions.checkNotNull(element);
            return new ImmutableList<E>();
          }

          public int size() {
            return 1;
          }
        }
        """);
    for (int i = 1; i <= WIDGETS; i++) {
      // A fifth of the files use the core type; every one is annotated and checks its argument.
      String body =
          i <= WIDGETS / 5
              ? "return ImmutableList.of(Preconditions.checkNotNull(name, \"name\")).size();"
              : "return Preconditions.checkNotNull(name).length();";
      write(
          "com/example/collect/Widget%02d.java".formatted(i),
          """
          package com.example.collect;

          import com.example.annotations.GwtCompatible;
          import com.example.base.Preconditions;

          @GwtCompatible(serializable = true)
          public class Widget%02d {
            public int measure(String name) {
              %s
            }
          }
          """
              .formatted(i, body));
    }
    database = openDatabase();
    core = CodeIntelligence.over(database, CodeParsers.create(), 1);
    core.indexWorkingTree(tree, IndexListener.NONE);
    core.indexer().awaitResolution();
    Repository repository = core.workingTree(tree);
    branch =
        core.repos()
            .branches()
            .find(repository.orgId(), repository.id(), repository.defaultBranch())
            .orElseThrow();
  }

  @AfterEach
  void close() {
    core.close();
    database.close();
  }

  @Test
  void theCoreTypeTopsTheMapNotTheAnnotationOrTheUtilityEveryFileCalls() {
    GraphAnalysis.RepoMap map = core.analysis().repoMap(branch, List.of(), 100, 3);

    assertThat(map.files().get(0).path()).isEqualTo("com/example/collect/ImmutableList.java");
    assertThat(map.files().get(0).symbols()).extracting(GraphAnalysis.Symbol::name).contains("of");
    Map<String, Double> rank =
        map.files().stream()
            .collect(Collectors.toMap(GraphAnalysis.MapFile::path, GraphAnalysis.MapFile::rank));
    // Nothing the annotation or checkNotNull brings in lifts them above a file nobody uses.
    double leaf = rank.get("com/example/collect/Widget30.java");
    assertThat(rank.get("com/example/annotations/GwtCompatible.java"))
        .isLessThanOrEqualTo(leaf * 1.001);
    assertThat(rank.get("com/example/base/Preconditions.java")).isLessThanOrEqualTo(leaf * 1.001);
  }

  @Test
  void theDependencyGraphKeepsTheEdgesTheRankingSkips() {
    // The ranking leaves the edges out; impact still sees every file that calls checkNotNull.
    assertThat(
            core.analysis()
                .impact(branch, List.of("com/example/base/Preconditions.java"), List.of(), 1)
                .dependents())
        .hasSize(WIDGETS + 1);
  }

  private void write(String relative, String content) throws IOException {
    Path file = tree.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
