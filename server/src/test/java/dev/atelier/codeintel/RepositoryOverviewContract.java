package dev.atelier.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.codeintel.RepositoryOverview.Command;
import dev.atelier.codeintel.RepositoryOverview.Conventions;
import dev.atelier.codeintel.RepositoryOverview.NamingStyle;
import dev.atelier.codeintel.RepositoryOverview.ProjectSummary;
import dev.atelier.platform.Database;
import dev.atelier.repos.Branch;
import dev.atelier.repos.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project summary and conventions on a real index; the subclasses pick the database. */
abstract class RepositoryOverviewContract {

  @TempDir Path tree;

  private Database database;
  private CodeIntelligence core;
  private Branch branch;

  abstract Database openDatabase() throws Exception;

  @BeforeEach
  void index() throws Exception {
    write("pyproject.toml", "[project]\nname = \"demo\"\n\n[tool.pytest.ini_options]\n");
    write(
        "demo/users.py",
        "def load_user(user_id):\n    return user_id\n\ndef save_user(user):\n    pass\n\n"
            + "class UserStore:\n    def find_by_name(self, name):\n        return name\n");
    write(
        "tests/test_users.py", "from demo.users import load_user\n\ndef test_load():\n    pass\n");
    write(
        "web/package.json",
        "{\"scripts\":{\"test\":\"jest\"},\"devDependencies\":{\"jest\":\"1\"}}");
    write("web/yarn.lock", "");
    database = openDatabase();
    core = CodeIntelligence.over(database, CodeParsers.create(), 1);
    core.indexWorkingTree(tree, IndexListener.NONE);
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
  void summarisesLanguagesCommandsAndFrameworks() {
    ProjectSummary summary = core.overview().summary(CodeIntelligence.LOCAL_ORG, branch.id());

    assertThat(summary.files()).isEqualTo(5);
    assertThat(summary.languages().getFirst().language()).isEqualTo("python");
    assertThat(summary.commands())
        .extracting(Command::command)
        .contains("pip install -e .", "pytest", "cd web && yarn install", "cd web && yarn test");
    assertThat(summary.frameworks())
        .extracting(RepositoryOverview.Framework::name)
        .contains("pytest", "Jest");
  }

  @Test
  void findsSnakeCaseFunctionsAndTestPlacement() {
    Conventions conventions = core.overview().conventions(CodeIntelligence.LOCAL_ORG, branch.id());

    NamingStyle functions =
        conventions.naming().stream()
            .filter(n -> n.language().equals("python") && n.category().equals("functions"))
            .findFirst()
            .orElseThrow();
    assertThat(functions.dominant()).isEqualTo("snake_case");
    assertThat(functions.share()).isEqualTo(1.0);
    assertThat(functions.examples().getFirst().at().toString()).isEqualTo("demo/users.py:1");
    assertThat(conventions.tests().getFirst().pattern()).isEqualTo("test_*.py");
    assertThat(conventions.layout().testRoots()).containsExactly("tests/");
  }

  @Test
  void theImportedFileIsTheMostDependedOn() {
    assertThat(core.overview().mostDependedOn(CodeIntelligence.LOCAL_ORG, branch.id(), 5))
        .containsExactly(new RepositoryOverview.CentralFile("demo/users.py", 1));
  }

  @Test
  void anotherOrgSeesNothingOfTheBranch() {
    assertThat(core.overview().summary(CodeIntelligence.LOCAL_ORG + 1000, branch.id()).files())
        .isZero();
    assertThat(core.overview().conventions(CodeIntelligence.LOCAL_ORG + 1000, branch.id()).naming())
        .isEmpty();
    assertThat(core.overview().mostDependedOn(CodeIntelligence.LOCAL_ORG + 1000, branch.id(), 5))
        .isEmpty();
  }

  private void write(String path, String text) throws IOException {
    Path file = tree.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
