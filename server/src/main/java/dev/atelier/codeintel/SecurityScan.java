package dev.atelier.codeintel;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.content.BranchContent;
import dev.atelier.codeintel.internal.paths.PathGlob;
import dev.atelier.codeintel.internal.security.Scanner;
import dev.atelier.platform.AtelierException;
import dev.atelier.platform.Database;
import dev.atelier.repos.BranchId;
import dev.atelier.repos.FileClass;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Pattern-based security findings over the stored text of a branch: hard-coded secrets (known token
 * formats, private keys, JWTs, high-entropy assignments to secret-like names) and dangerous calls
 * (eval/exec, shell commands, SQL built by concatenation, weak crypto, disabled TLS checks).
 * Secrets are never echoed whole: excerpts show their first characters only.
 */
public final class SecurityScan {

  /** How bad a finding is, lowest first. */
  public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Severity ofId(String id) {
      try {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new AtelierException(
            CodeIntelError.INVALID_QUERY,
            "unknown severity '" + id + "'; use low, medium, high or critical");
      }
    }
  }

  /**
   * What to scan.
   *
   * @param pathGlob only paths matching this glob ({@code *.py}, {@code src/**}; read as every path
   *     filter reads it: without a slash the file name at any depth), or null for all
   * @param minSeverity findings below this are left out
   * @param excludeTests skip test code and fixtures (test folders, {@code *_test.go}, ...)
   * @param maxFindings stop after this many
   */
  public record Options(
      @Nullable String pathGlob, Severity minSeverity, boolean excludeTests, int maxFindings) {}

  /**
   * One finding.
   *
   * @param rule a stable rule id, e.g. {@code secret.aws-access-key}
   * @param category {@code secret}, {@code injection}, {@code crypto} or {@code tls}
   * @param excerpt the line, shortened, with any secret redacted
   */
  public record Finding(
      String rule,
      Severity severity,
      String category,
      String path,
      int line,
      String message,
      String excerpt) {}

  /**
   * What a scan could look for in the code files of one type: secrets are looked for in every file,
   * dangerous calls only where a rule knows the language.
   *
   * @param fileType the extension, e.g. {@code rb}
   * @param files how many files of that type were scanned
   * @param checked the kinds of dangerous call looked for ({@code code eval}, {@code shell
   *     commands}, {@code SQL built from strings}, {@code weak crypto}, {@code TLS verification
   *     off})
   * @param unchecked the kinds no rule covers for that type: a blind spot, not a clean bill
   */
  public record Coverage(
      String fileType, int files, List<String> checked, List<String> unchecked) {}

  /**
   * What a scan found, and what it could not look for.
   *
   * @param coverage per code file type scanned, in order of type
   * @param truncated whether it stopped at {@link Options#maxFindings}
   */
  public record Report(
      List<Finding> findings,
      int filesScanned,
      long bytesScanned,
      long millis,
      boolean truncated,
      List<Coverage> coverage) {}

  /**
   * A rule the scan runs, for saying what was checked (a clean report means nothing without it).
   *
   * @param severity {@code low}, {@code medium}, {@code high} or {@code critical}
   * @param extensions the file extensions it applies to; empty for every file
   */
  public record RuleInfo(
      String id, String severity, String category, String message, List<String> extensions) {}

  private final BranchContent content;

  public SecurityScan(Database database) {
    requireNonNull(database, "database is null");
    this.content = new BranchContent(database.dataSource(), database.vendor());
  }

  /** Every rule of the standard set, in the order the scanner tries them. */
  public List<RuleInfo> rules() {
    return Scanner.ruleSet();
  }

  public Report scan(long orgId, BranchId branch, Options options) {
    long started = System.nanoTime();
    PathGlob glob = PathGlob.of(options.pathGlob());
    Scanner scanner = new Scanner(options.minSeverity(), options.maxFindings());
    Map<String, FileClass> classes = content.classes(orgId, branch.value());
    content.eachText(
        orgId,
        branch.value(),
        path ->
            !scanner.full()
                && glob.matches(path)
                && !(options.excludeTests() && classes.get(path) == FileClass.TEST),
        scanner::scan);
    return new Report(
        scanner.findings(),
        scanner.files(),
        scanner.bytes(),
        (System.nanoTime() - started) / 1_000_000,
        scanner.full(),
        scanner.coverage());
  }
}
