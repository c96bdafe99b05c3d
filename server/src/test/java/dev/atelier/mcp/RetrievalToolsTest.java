package dev.atelier.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.RelevantContext;
import dev.atelier.codeintel.SemanticSearch;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.AtelierSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** semantic_search and relevant_context on a real index of a small tree, without vectors. */
class RetrievalToolsTest {

  @TempDir Path tree;
  @TempDir Path data;

  private CodeIntelligence core;
  private ToolScope scope;
  private final ToolCatalog catalog = ToolCatalog.standard();

  @BeforeEach
  void indexAFixtureTree() throws Exception {
    write(
        "app/hashers.py",
        """
        \"\"\"Password hashing.\"\"\"
        import salts


        class PasswordHasher:
            \"\"\"Hashes user passwords with PBKDF2.\"\"\"

            def encode(self, password, salt):
                return salts.mix(password, salt)

            def verify(self, password, encoded):
                return self.encode(password, "") == encoded
        """);
    write(
        "app/salts.py",
        """
        def mix(value, salt):
            \"\"\"Mixes a salt into a value.\"\"\"
            return salt + value
        """);
    write(
        "app/mailer.py",
        """
        class SmtpMailer:
            \"\"\"Sends email messages through an SMTP server.\"\"\"

            def send(self, message):
                return message
        """);
    write(
        "app/tests/test_hashers.py",
        """
        from app import hashers


        def test_password_hasher_hashes_passwords():
            assert hashers.PasswordHasher().encode("password", "salt")
        """);
    write("docs/notes.txt", "Mail goes out through SMTP; passwords are never mailed.\n");
    core = CodeIntelligence.open(AtelierSettings.local(tree).withDataDir(data), 1);
    scope = new FolderScope(() -> core, tree);
  }

  @AfterEach
  void close() {
    core.close();
  }

  @Test
  void findsTheFileWhoseSymbolsMatchAndSaysNothingIsEmbedded() {
    ToolAnswer answer = call("semantic_search", Map.of("query", "how are passwords hashed"));

    List<String> lines = answer.text().lines().toList();
    assertThat(lines.getFirst())
        .matches("vectors: 0 / \\d+ chunks embedded; ranked by text and symbols only");
    assertThat(lines.get(1)).startsWith("1. app/hashers.py  [bm25, symbols");
    assertThat(answer.text()).contains("app/hashers.py:5 class PasswordHasher");
    @SuppressWarnings("unchecked")
    List<SemanticSearch.FileHit> files =
        (List<SemanticSearch.FileHit>) answer.structured().get("files");
    assertThat(files).extracting(SemanticSearch.FileHit::path).first().isEqualTo("app/hashers.py");
    assertThat(files)
        .extracting(SemanticSearch.FileHit::path)
        .as("the test file comes after the code it tests")
        .containsSubsequence("app/hashers.py", "app/tests/test_hashers.py");
  }

  @Test
  void anIdentifierQueryFindsItsDefinition() {
    ToolAnswer answer = call("semantic_search", Map.of("query", "SmtpMailer", "limit", 1));

    assertThat(answer.text().lines().skip(1).findFirst())
        .hasValueSatisfying(line -> assertThat(line).startsWith("1. app/mailer.py"));
    assertThat(answer.text()).contains("app/mailer.py:1 class SmtpMailer");
  }

  @Test
  void relevantContextExpandsToTheImportedFileWithItsReason() {
    ToolAnswer answer =
        call(
            "relevant_context", Map.of("task", "change how the password hasher encodes passwords"));

    assertThat(answer.text()).contains("app/hashers.py (search)");
    assertThat(answer.text()).contains("app/salts.py (imported by app/hashers.py)");
    assertThat(answer.text()).contains("def encode(self, password, salt):");
  }

  @Test
  void seedFilesComeFirstAndBringTheirNeighbours() {
    ToolAnswer answer =
        call(
            "relevant_context",
            Map.of("task", "send a welcome email", "seed_files", List.of("app/hashers.py")));

    @SuppressWarnings("unchecked")
    List<RelevantContext.ContextFile> files =
        (List<RelevantContext.ContextFile>) answer.structured().get("files");
    assertThat(files)
        .extracting(RelevantContext.ContextFile::path)
        .contains("app/mailer.py", "app/salts.py");
    assertThat(files.getFirst().path()).isEqualTo("app/hashers.py");
    assertThat(files.getFirst().reason()).isEqualTo("seed");
  }

  @Test
  void budgetsAreHonoured() {
    for (String tool : List.of("semantic_search", "relevant_context")) {
      String key = tool.equals("semantic_search") ? "query" : "task";
      ToolAnswer small =
          call(tool, Map.of(key, "password hashing and smtp mail", "max_tokens", 60));
      String[] lines = small.text().split("\n");
      String body = String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 1));
      assertThat(TextBudget.tokens(body)).as(tool).isLessThanOrEqualTo(60);

      ToolAnswer huge =
          call(tool, Map.of(key, "password hashing and smtp mail", "max_tokens", 1_000_000_000));
      assertThat(huge.text()).as(tool).contains("app/hashers.py").doesNotContain("left out");
    }
  }

  @Test
  void badArgumentsGiveClearErrors() {
    assertError("semantic_search", Map.of(), "query is required");
    assertError(
        "semantic_search", Map.of("query", "x", "limit", 0), "limit must be between 1 and 50");
    assertError(
        "semantic_search", Map.of("query", "x", "max_tokens", 0), "max_tokens must be at least");
    assertError("semantic_search", Map.of("query", List.of("x")), "query must be a string");
    assertError("semantic_search", Map.of("query", "x".repeat(2001)), "at most 2000 characters");
    assertError("relevant_context", Map.of(), "task is required");
    assertError(
        "relevant_context", Map.of("task", "x", "seed_files", List.of("../outside.py")), "..");
    assertError(
        "relevant_context",
        Map.of("task", "x", "seed_files", List.of("app/nope.py")),
        "seed file app/nope.py is not in the branch's index");
  }

  @Test
  void aQueryOfOnlyFunctionWordsFindsNothingButAnswers() {
    ToolAnswer answer = call("semantic_search", Map.of("query", "how is it the"));

    assertThat(answer.text()).contains("no file matches 'how is it the'");
  }

  private void assertError(String tool, Map<String, Object> arguments, String message) {
    assertThatThrownBy(() -> call(tool, arguments))
        .isInstanceOf(AtelierException.class)
        .hasMessageContaining(message);
  }

  private ToolAnswer call(String tool, Map<String, Object> arguments) {
    return catalog.call(tool, arguments, scope);
  }

  private void write(String path, String content) throws Exception {
    Path file = tree.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
