package dev.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** atelier bench retrieval on a tiny eval set over a fixture corpus. */
class BenchRetrievalCommandTest {

  @TempDir Path corpus;
  @TempDir Path dataRoot;
  @TempDir Path work;

  private final CliRun cli = new CliRun();
  private final StringWriter out = cli.out;
  private final StringWriter err = cli.err;

  private int run(String... args) {
    return cli.run(args);
  }

  private Path fixture() throws Exception {
    Files.createDirectories(corpus.resolve("pkg"));
    Files.writeString(
        corpus.resolve("pkg/paginator.py"),
        "class Paginator:\n    \"\"\"Splits a list of objects into pages.\"\"\"\n\n"
            + "    def page(self, number):\n        return number\n");
    Files.writeString(
        corpus.resolve("pkg/mail.py"),
        "def send_mail(subject, message):\n    \"\"\"Sends an email through SMTP.\"\"\"\n"
            + "    return subject\n");
    Path eval = work.resolve("eval.jsonl");
    Files.writeString(
        eval,
        """
        {"id": "t-1", "corpus": "tiny", "query": "split objects into pages", "expect": ["pkg/paginator.py"]}

        {"id": "t-2", "corpus": "tiny", "query": "send an email", "expect": ["mail.py"]}
        {"id": "o-1", "corpus": "other", "query": "ignored", "expect": ["x.py"]}
        """);
    return eval;
  }

  @Test
  void reportsRecallMrrAndLatencyPerCorpusAndOverall() throws Exception {
    Path eval = fixture();

    int exit =
        run(
            "bench",
            "retrieval",
            "--eval",
            eval.toString(),
            "--corpus",
            "tiny=" + corpus,
            "--data-root",
            dataRoot.toString(),
            "--no-vectors",
            "--repeat",
            "2",
            "--json");

    assertThat(exit).as(err.toString()).isZero();
    JsonNode result = JsonMapper.builder().build().readTree(out.toString());
    assertThat(result.at("/corpora/0/corpus").asString()).isEqualTo("tiny");
    assertThat(result.at("/overall/queries").asInt()).isEqualTo(2);
    assertThat(result.at("/overall/recallAt5").asDouble()).isEqualTo(1.0);
    assertThat(result.at("/overall/mrrAt10").asDouble()).isEqualTo(1.0);
    assertThat(result.at("/queries/0/top/0").asString()).isEqualTo("pkg/paginator.py");
    assertThat(err.toString())
        .contains("skipping the queries of corpora without --corpus: [other]");
    assertThat(Files.exists(dataRoot.resolve("tiny")))
        .as("the index lives under --data-root")
        .isTrue();
    assertThat(Files.exists(corpus.resolve(".atelier"))).isFalse();
  }

  @Test
  void theTableNamesEachCorpusAndTheIndexIsReused() throws Exception {
    Path eval = fixture();
    String[] args = {
      "bench",
      "retrieval",
      "--eval",
      eval.toString(),
      "--corpus",
      "tiny=" + corpus,
      "--data-root",
      dataRoot.toString(),
      "--no-vectors",
      "--repeat",
      "1"
    };
    assertThat(run(args)).isZero();
    err.getBuffer().setLength(0);
    out.getBuffer().setLength(0);

    assertThat(run(args)).isZero();

    assertThat(out.toString()).contains("recall@5").contains("MRR@10").contains("p95 ms");
    assertThat(out.toString().lines().filter(l -> l.startsWith("tiny ")).findFirst())
        .hasValueSatisfying(line -> assertThat(line).contains("1.000"));
    assertThat(err.toString()).doesNotContain("indexing tiny");
  }

  @Test
  void aBrokenEvalLineOrAMissingCorpusIsAUsageError() throws Exception {
    Path eval = work.resolve("bad.jsonl");
    Files.writeString(eval, "{\"corpus\": \"tiny\", \"query\": \"q\"}\n");

    assertThat(run("bench", "retrieval", "--eval", eval.toString(), "--corpus", "tiny=" + corpus))
        .isEqualTo(2);
    assertThat(err.toString()).contains("line 1: expect must be a list of paths");

    err.getBuffer().setLength(0);
    Files.writeString(eval, "{\"corpus\": \"other\", \"query\": \"q\", \"expect\": [\"a\"]}\n");
    assertThat(run("bench", "retrieval", "--eval", eval.toString(), "--corpus", "tiny=" + corpus))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no query of");
  }

  @Test
  void splitKeepsOnlyTheQueriesOfThatHalf() throws Exception {
    Files.createDirectories(corpus.resolve("pkg"));
    Files.writeString(corpus.resolve("pkg/mail.py"), "def send_mail(subject):\n    return 1\n");
    Path eval = work.resolve("split.jsonl");
    Files.writeString(
        eval,
        """
        {"id": "d-1", "corpus": "tiny", "query": "send an email", "expect": ["mail.py"], "split": "dev"}
        {"id": "t-1", "corpus": "tiny", "query": "send mail", "expect": ["mail.py"], "split": "test"}
        {"id": "t-2", "corpus": "tiny", "query": "email", "expect": ["mail.py"], "split": "test"}
        """);

    int exit =
        run(
            "bench",
            "retrieval",
            "--eval",
            eval.toString(),
            "--corpus",
            "tiny=" + corpus,
            "--data-root",
            dataRoot.toString(),
            "--no-vectors",
            "--repeat",
            "1",
            "--split",
            "test",
            "--json");

    assertThat(exit).as(err.toString()).isZero();
    JsonNode result = JsonMapper.builder().build().readTree(out.toString());
    assertThat(result.at("/split").asString()).isEqualTo("test");
    assertThat(result.at("/overall/queries").asInt()).isEqualTo(2);
    assertThat(result.at("/queries/0/id").asString()).isEqualTo("t-1");
  }
}
