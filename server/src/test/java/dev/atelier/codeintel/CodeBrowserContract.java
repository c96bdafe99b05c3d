package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.atelier.codeintel.CodeBrowser.TreeEntry;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.repos.NewRepository;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.Repository;
import dev.atelier.repos.RepositoryKind;
import dev.atelier.repos.WorkingTreeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One level of a branch's folders on a real database; the subclasses pick SQLite or PostgreSQL. */
abstract class CodeBrowserContract {

  @TempDir Path tree;

  private Database database;
  private CodeIndexer indexer;
  private CodeBrowser browser;
  private Repository repository;

  abstract Database openDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = openDatabase();
    ReposStorage repos = ReposStorage.of(database);
    indexer = new CodeIndexer(database, repos, new OutlineParser(), 2);
    browser = new CodeBrowser(database, repos);
    repository =
        repos
            .repositories()
            .register(
                new CodeIndexRows(database).newOrg(),
                new NewRepository(
                    "r", RepositoryKind.WORKING_TREE, tree.toAbsolutePath().toString(), "main"));
    // Names that sort next to "lib/" by path ("lib-x/" before it, "lib.txt" and "lib0" around).
    write("lib/a/deep/x.txt", "x\n");
    write("lib/b.txt", "bb\n");
    write("lib-x/y.txt", "y\n");
    write("lib.txt", "lib\n");
    write("lib0", "zero\n");
    write("README.md", "# r\n");
    // More files in one folder than one read of the listing takes.
    for (int i = 0; i < 600; i++) {
      write("many/f%03d.txt".formatted(i), "f\n");
    }
    write("many/inner/z.txt", "z\n");
    indexer.index(repository, "main", WorkingTreeSource.of(tree), null, IndexListener.NONE);
  }

  @AfterEach
  void close() {
    indexer.close();
    database.close();
  }

  @Test
  void listsTheRootsChildrenFoldersFirstEachByName() {
    List<TreeEntry> root = browser.folder(repository, "main", "").entries();

    assertThat(root)
        .extracting(TreeEntry::path)
        .containsExactly("lib", "lib-x", "many", "README.md", "lib.txt", "lib0");
    assertThat(root.getFirst().type()).isEqualTo("dir");
    assertThat(root.getFirst().size()).isNull();
    assertThat(root.get(3).size()).isEqualTo(4);
    assertThat(root.get(3).language()).isEqualTo("text");
  }

  @Test
  void listsAFolderWithoutWhatIsBeneathItsSubFolders() {
    assertThat(browser.folder(repository, "main", "lib/").entries())
        .extracting(TreeEntry::path, TreeEntry::type)
        .containsExactly(tuple("lib/a", "dir"), tuple("lib/b.txt", "file"));
    assertThat(browser.folder(repository, "main", "lib/a").entries())
        .extracting(TreeEntry::path)
        .containsExactly("lib/a/deep");
  }

  @Test
  void listsEveryFileOfAFolderLargerThanOneRead() {
    List<TreeEntry> many = browser.folder(repository, "main", "many").entries();

    assertThat(many).hasSize(601).doesNotHaveDuplicates();
    assertThat(many.getFirst().path()).isEqualTo("many/inner");
    assertThat(many.get(1).path()).isEqualTo("many/f000.txt");
    assertThat(many.getLast().path()).isEqualTo("many/f599.txt");
  }

  @Test
  void listsEveryFilePathOfTheBranchForTheFinder() {
    List<String> paths = browser.paths(repository, "main");

    assertThat(paths).hasSize(607).isSorted().contains("lib/a/deep/x.txt", "many/inner/z.txt");
  }

  @Test
  void refusesAFolderThatIsNotThere() {
    assertThatThrownBy(() -> browser.folder(repository, "main", "li"))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining("no folder li");
  }

  private void write(String relative, String content) throws IOException {
    Path file = tree.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
