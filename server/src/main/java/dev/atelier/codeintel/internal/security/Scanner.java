package dev.atelier.codeintel.internal.security;

import dev.atelier.codeintel.Language;
import dev.atelier.codeintel.SecurityScan;
import dev.atelier.codeintel.SecurityScan.Coverage;
import dev.atelier.codeintel.SecurityScan.Finding;
import dev.atelier.codeintel.SecurityScan.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs the rules over files one at a time and gathers findings up to a limit. A rule's regex runs
 * only on files containing one of its keywords, so most rules never touch most files.
 */
public final class Scanner {

  /** The standard rules as the API describes them. */
  public static List<SecurityScan.RuleInfo> ruleSet() {
    return Rules.standard().stream()
        .map(rule ->
            new SecurityScan.RuleInfo(
                rule.id(),
                rule.severity().id(),
                rule.category(),
                rule.message(),
                rule.extensions().stream().sorted().toList()))
        .toList();
  }

  private static final int EXCERPT_CHARS = 120;
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?i).*(x{4,}|\\*{3,}|changeme|example|placeholder|your[_-]|<.*>|\\$\\{|\\{\\{|%s|dummy"
              + "|redacted).*");

  /** Dotted or dashed words: class, header and setting names, not secrets. */
  private static final Pattern NAMES = Pattern.compile("[A-Za-z]+(?:[._/:-][A-Za-z]+)+");

  private final List<Rule> rules = Rules.standard();
  private final Severity minSeverity;
  private final int maxFindings;
  private final List<Finding> findings = new ArrayList<>();
  private int files;
  private long bytes;
  private final Map<String, Integer> codeFilesByType = new java.util.TreeMap<>();
  private boolean full;

  public Scanner(Severity minSeverity, int maxFindings) {
    this.minSeverity = minSeverity;
    this.maxFindings = maxFindings;
  }

  public void scan(String path, String text) {
    if (full) {
      return;
    }
    files++;
    bytes += text.length();
    if (Language.ofPath(path).parsed()) {
      codeFilesByType.merge(extension(path), 1, Integer::sum);
    }
    String lower = asciiLower(text);
    String extension = extension(path);
    int @Nullable [] lineStarts = null;
    Set<Long> seen = new HashSet<>();
    for (Rule rule : rules) {
      if (rule.severity().compareTo(minSeverity) < 0
          || (!rule.extensions().isEmpty() && !rule.extensions().contains(extension))) {
        continue;
      }
      // the lines holding a keyword, in order; only they are matched
      java.util.TreeSet<Integer> candidates = new java.util.TreeSet<>();
      for (String keyword : rule.keywords()) {
        for (int at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
          candidates.add(at);
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      if (lineStarts == null) {
        lineStarts = lineStarts(text);
      }
      int lastLine = 0;
      Matcher m = rule.pattern().matcher(text);
      for (int at : candidates) {
        int line = lineOf(lineStarts, at);
        if (line == lastLine) {
          continue;
        }
        lastLine = line;
        int lineStart = lineStarts[line - 1];
        int lineEnd = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        m.region(lineStart, Math.min(text.length(), lineEnd + rule.window()));
        while (m.find() && m.start() <= lineEnd) {
          if (!report(rule, m, path, line, text.substring(lineStart, lineEnd), seen)) {
            return;
          }
        }
      }
    }
  }

  /** Records one match unless filtered; false when the scan is full. */
  private boolean report(
      Rule rule, Matcher m, String path, int line, String lineText, Set<Long> seen) {
    if (rule.code() && isComment(lineText)) {
      return true;
    }
    @Nullable String secret = rule.secretGroup() > 0 ? m.group(rule.secretGroup()) : null;
    if (secret != null
        && rule.minEntropy() > 0
        && (Entropy.shannon(secret) < rule.minEntropy()
            || !mixed(secret)
            || NAMES.matcher(secret).matches()
            || PLACEHOLDER.matcher(secret).matches())) {
      return true;
    }
    if (!seen.add(((long) rule.id().hashCode() << 32) | line)) {
      return true;
    }
    if (findings.size() >= maxFindings) {
      full = true;
      return false;
    }
    findings.add(
        new Finding(
            rule.id(),
            rule.severity(),
            rule.category(),
            path,
            line,
            rule.message(),
            excerpt(lineText, secret)));
    return true;
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  /** Per code file type scanned, which kinds of dangerous call its rules look for. */
  public List<Coverage> coverage() {
    Set<String> kinds = new java.util.LinkedHashSet<>();
    for (Rule rule : rules) {
      if (rule.code()) {
        kinds.add(kind(rule));
      }
    }
    List<Coverage> out = new ArrayList<>();
    codeFilesByType.forEach((type, count) -> {
      Set<String> checked = new java.util.LinkedHashSet<>();
      for (Rule rule : rules) {
        if (rule.code() && (rule.extensions().isEmpty() || rule.extensions().contains(type))) {
          checked.add(kind(rule));
        }
      }
      List<String> unchecked = new ArrayList<>(kinds);
      unchecked.removeAll(checked);
      out.add(new Coverage(type, count, List.copyOf(checked), unchecked));
    });
    return out;
  }

  /**
   * What a dangerous-call rule looks for, as a user asks it ("does it check shell commands in
   * Ruby?"): finer than the rule's category, which puts eval and shell commands together.
   */
  private static String kind(Rule rule) {
    String id = rule.id();
    if (id.startsWith("exec.")) {
      return Set.of("exec.eval", "exec.python-exec", "exec.new-function").contains(id)
          ? "code eval"
          : "shell commands";
    }
    if (id.startsWith("sql.")) {
      return "SQL built from strings";
    }
    if (id.startsWith("crypto.")) {
      return "weak crypto";
    }
    return id.startsWith("tls.") ? "TLS verification off" : id;
  }

  public int files() {
    return files;
  }

  public long bytes() {
    return bytes;
  }

  public boolean full() {
    return full;
  }

  /** The line, whitespace collapsed and shortened, with the secret (every occurrence) masked. */
  static String excerpt(String line, @Nullable String secret) {
    String text = line;
    if (secret != null && !secret.isEmpty()) {
      text = text.replace(secret, Redaction.mask(secret));
    }
    text = text.strip().replaceAll("\\s+", " ");
    return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "..." : text;
  }

  /**
   * Whether a value mixes character classes as generated secrets do (a digit, or upper and lower
   * case letters); words like {@code django-insecure-} or {@code variable|default:} do not.
   */
  private static boolean mixed(String value) {
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      digit |= Character.isDigit(c);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
    }
    return digit || (upper && lower);
  }

  /** Lower-cases ASCII only, so offsets stay those of the text (keywords are ASCII). */
  private static String asciiLower(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + 32);
      }
    }
    return new String(chars);
  }

  private static boolean isComment(String line) {
    String s = line.stripLeading();
    return s.startsWith("#") || s.startsWith("//") || s.startsWith("*") || s.startsWith("/*");
  }

  private static String extension(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[64];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  private static int lineOf(int[] starts, int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }
}
