package dev.atelier.codeintel.internal.security;

import dev.atelier.codeintel.SecurityScan.Severity;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The standard rule set. */
final class Rules {

  private static final Set<String> ANY = Set.of();
  private static final Set<String> SCRIPTS =
      Set.of("py", "js", "mjs", "cjs", "jsx", "ts", "tsx", "php", "rb");
  private static final Set<String> CODE =
      Set.of(
          "py", "js", "mjs", "cjs", "jsx", "ts", "tsx", "php", "rb", "java", "kt", "kts", "go",
          "cs", "rs", "c", "cc", "cpp", "h", "hpp", "scala", "groovy", "swift");
  private static final String SQL_CALL =
      "\\b(?:execute|executemany|executescript|executeQuery|executeUpdate|query|raw|rawQuery"
          + "|prepareStatement|createQuery|createNativeQuery|Exec|Query|QueryRow|QueryContext"
          + "|ExecContext)\\s*\\(\\s*";
  private static final String SQL_WORDS = "(?i:select|insert|update|delete|drop|where)";

  private Rules() {}

  static List<Rule> standard() {
    return List.of(
        secret(
            "secret.aws-access-key",
            Severity.CRITICAL,
            "AWS access key id",
            "\\b((?:AKIA|ASIA)[0-9A-Z]{16})\\b",
            List.of("akia", "asia")),
        secret(
            "secret.github-token",
            Severity.CRITICAL,
            "GitHub token",
            "\\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b",
            List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
        secret(
            "secret.slack-token",
            Severity.CRITICAL,
            "Slack token",
            "\\b(xox[baprs]-[A-Za-z0-9-]{10,250})",
            List.of("xox")),
        secret(
            "secret.google-api-key",
            Severity.HIGH,
            "Google API key",
            "\\b(AIza[0-9A-Za-z_\\-]{35})",
            List.of("aiza")),
        new Rule(
            "secret.private-key",
            Severity.CRITICAL,
            "secret",
            "private key block",
            Pattern.compile(
                "-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----"),
            List.of("private key"),
            ANY,
            0,
            0,
            false,
            0),
        secret(
            "secret.jwt",
            Severity.HIGH,
            "JSON web token",
            "\\b(eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,})",
            List.of("eyj")),
        new Rule(
            "secret.assignment",
            Severity.HIGH,
            "secret",
            "high-entropy string assigned to a secret-like name",
            Pattern.compile(
                "(?i)(?:password|passwd|pwd|secret|token|api_?key|apikey"
                    + "|access_?key|private_?key|auth_?key)[a-z0-9_]*[\"']?\\s*(?::=|=>|=|:)\\s*"
                    + "[rbuRBU]?[\"']([^\"'\\s]{8,200})[\"']"),
            List.of("password", "passwd", "pwd", "secret", "token", "key"),
            ANY,
            1,
            3.5,
            false,
            0),
        call(
            "exec.eval",
            Severity.MEDIUM,
            "injection",
            "eval() runs arbitrary code",
            "(?<![\\w.$])(?<!def )(?<!function )eval\\s*\\(",
            List.of("eval"),
            SCRIPTS),
        call(
            "exec.python-exec",
            Severity.MEDIUM,
            "injection",
            "exec() runs arbitrary code",
            "(?<![\\w.])exec\\s*\\(",
            List.of("exec"),
            Set.of("py")),
        call(
            "exec.new-function",
            Severity.MEDIUM,
            "injection",
            "new Function() compiles code from a string",
            "\\bnew\\s+Function\\s*\\(",
            List.of("function"),
            Set.of("js", "mjs", "cjs", "jsx", "ts", "tsx")),
        call(
            "exec.os-system",
            Severity.HIGH,
            "injection",
            "os.system()/os.popen() run a shell command",
            "\\bos\\.(?:system|popen)\\s*\\(",
            List.of("os.system", "os.popen"),
            Set.of("py")),
        call(
            "exec.shell-true",
            Severity.HIGH,
            "injection",
            "subprocess with shell=True runs a shell command line",
            "\\bsubprocess\\.\\w+\\([^)]{0,400}?\\bshell\\s*=\\s*True",
            List.of("subprocess."),
            Set.of("py"),
            400),
        call(
            "exec.runtime-exec",
            Severity.HIGH,
            "injection",
            "Runtime.exec() runs an operating-system command",
            "\\bRuntime\\.getRuntime\\(\\)\\s*\\.exec\\s*\\(|\\bruntime\\.exec\\s*\\(",
            List.of("exec"),
            Set.of("java", "kt", "kts", "scala", "groovy")),
        call(
            "exec.child-process",
            Severity.MEDIUM,
            "injection",
            "child_process exec() runs a shell command line",
            "\\b(?:child_process|cp)\\.exec(?:Sync)?\\s*\\(|\\bexecSync\\s*\\(",
            List.of("exec"),
            Set.of("js", "mjs", "cjs", "jsx", "ts", "tsx")),
        call(
            "sql.concatenation",
            Severity.HIGH,
            "injection",
            "SQL built by string concatenation or formatting goes into a query call",
            SQL_CALL
                + "(?:[rbuRBU]?[\"'`][^\"'`\\n]*\\b"
                + SQL_WORDS
                + "\\b[^\"'`\\n]*[\"'`]\\s*(?:\\+|%|\\.format\\s*\\()"
                + "|[fF][\"'][^\"'\\n]*\\b"
                + SQL_WORDS
                + "\\b[^\"'\\n]*\\{"
                + "|`[^`]*\\b"
                + SQL_WORDS
                + "\\b[^`]*\\$\\{)",
            List.of("execute", "query", "raw", "preparestatement", "exec"),
            CODE,
            300),
        call(
            "crypto.weak-hash",
            Severity.MEDIUM,
            "crypto",
            "MD5/SHA-1 are broken for security uses",
            "\\bhashlib\\.(?:md5|sha1)\\s*\\(|MessageDigest\\.getInstance\\(\\s*\"(?:MD5|SHA-?1)\""
                + "|createHash\\(\\s*['\"](?:md5|sha1)['\"]|\\b(?:md5|sha1)\\.(?:New|Sum)\\s*\\("
                + "|DigestUtils\\.(?:md5|sha1)(?:Hex)?\\s*\\(|\\bMD5\\.Create\\(|\\bSHA1\\.Create\\(",
            List.of("md5", "sha1", "sha-1"),
            CODE),
        call(
            "crypto.weak-cipher",
            Severity.HIGH,
            "crypto",
            "DES/RC4 or ECB mode is not a safe cipher",
            "Cipher\\.getInstance\\(\\s*\"(?:DES|DESede|RC4|[^\"]*/ECB/)[^\"]*\"|\\bdes\\.NewCipher\\("
                + "|\\bDES3?\\.new\\(|\\bMODE_ECB\\b|\\bmodes\\.ECB\\(|\\brc4\\.NewCipher\\(",
            List.of("\"des", "des3.", "des.", "ecb", "rc4"),
            CODE),
        call(
            "tls.verify-disabled",
            Severity.HIGH,
            "tls",
            "TLS certificate verification is disabled",
            "\\bverify\\s*=\\s*False\\b|\\bInsecureSkipVerify\\s*:\\s*true\\b"
                + "|\\brejectUnauthorized\\s*:\\s*false\\b"
                + "|NODE_TLS_REJECT_UNAUTHORIZED[\"']?\\s*[=:]\\s*[\"']?0"
                + "|\\bCERT_NONE\\b|\\b_create_unverified_context\\b",
            List.of("verify", "insecureskipverify", "rejectunauthorized", "cert_none"),
            ANY),
        call(
            "tls.trust-all",
            Severity.HIGH,
            "tls",
            "a trust manager or hostname verifier that accepts everything",
            "\\b(?:TrustAllCerts\\w*|ALLOW_ALL_HOSTNAME_VERIFIER|NoopHostnameVerifier"
                + "|TrustAllStrategy|InsecureTrustManagerFactory)\\b",
            List.of(
                "trustall",
                "allow_all_hostname_verifier",
                "noophostnameverifier",
                "insecuretrustmanager"),
            ANY));
  }

  private static Rule secret(
      String id, Severity severity, String message, String regex, List<String> keywords) {
    return new Rule(
        id, severity, "secret", message, Pattern.compile(regex), keywords, ANY, 1, 0, false, 0);
  }

  private static Rule call(
      String id,
      Severity severity,
      String category,
      String message,
      String regex,
      List<String> keywords,
      Set<String> extensions) {
    return call(id, severity, category, message, regex, keywords, extensions, 0);
  }

  private static Rule call(
      String id,
      Severity severity,
      String category,
      String message,
      String regex,
      List<String> keywords,
      Set<String> extensions,
      int window) {
    return new Rule(
        id,
        severity,
        category,
        message,
        Pattern.compile(regex),
        keywords,
        extensions,
        0,
        0,
        true,
        window);
  }
}
