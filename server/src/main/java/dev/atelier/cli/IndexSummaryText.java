package dev.atelier.cli;

import dev.atelier.codeintel.IndexSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** An index summary as people read it and as scripts parse it. */
final class IndexSummaryText {

  private static final int SKIPS_SHOWN = 10;

  private IndexSummaryText() {}

  static String human(IndexSummary s) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Indexed %s (%s) in %.1f s, parser %s%n",
            s.repository(),
            s.branch(),
            s.millis() / 1000.0,
            s.parser()));
    line(out, "files", s.files(), languages(s.filesByLanguage()));
    line(out, "parsed", s.parsedFiles(), "new content; the rest was indexed before");
    line(out, "symbols", s.symbols(), "");
    line(out, "references", s.references(), "resolved " + count(s.resolvedReferences()));
    line(out, "imports", s.imports(), "");
    line(out, "chunks", s.chunks(), "embedded " + count(s.embeddedChunks()));
    if (s.syntaxErrors() > 0) {
      line(out, "syntax", s.syntaxErrors(), "files with errors; what parsed is indexed");
    }
    if (!s.skipped().isEmpty()) {
      Map<String, Long> byReason =
          s.skipped().stream()
              .collect(
                  Collectors.groupingBy(
                      IndexSummary.Skip::reason, TreeMap::new, Collectors.counting()));
      line(out, "skipped", s.skipped().size(), languages(byReason));
      s.skipped().stream()
          .limit(SKIPS_SHOWN)
          .forEach(skip ->
              out.append("    ")
                  .append(skip.path())
                  .append(": ")
                  .append(skip.reason().replace('_', ' '))
                  .append(skip.detail().isEmpty() ? "" : " (" + skip.detail() + ")")
                  .append(System.lineSeparator()));
      if (s.skipped().size() > SKIPS_SHOWN) {
        out.append("    ... and ")
            .append(s.skipped().size() - SKIPS_SHOWN)
            .append(" more (--json lists all)")
            .append(System.lineSeparator());
      }
    }
    return out.toString();
  }

  static String json(IndexSummary s) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("repository", s.repository());
    object.put("branch", s.branch());
    object.put("files", s.files());
    object.put("filesByLanguage", new TreeMap<>(s.filesByLanguage()));
    object.put("parsedFiles", s.parsedFiles());
    object.put("symbols", s.symbols());
    object.put("references", Map.of("total", s.references(), "resolved", s.resolvedReferences()));
    object.put("imports", s.imports());
    object.put("chunks", s.chunks());
    object.put("embeddingsDone", s.embeddedChunks());
    object.put("filesWithSyntaxErrors", s.syntaxErrors());
    object.put("seconds", s.millis() / 1000.0);
    long text = s.phaseMillis().getOrDefault("text", 0L);
    object.put("structuralSeconds", (s.millis() - text) / 1000.0);
    Map<String, Double> phases = new LinkedHashMap<>();
    for (String phase : List.of("scan", "parse", "manifest", "resolve", "stats", "text")) {
      Long millis = s.phaseMillis().get(phase);
      if (millis != null) {
        phases.put(phase, millis / 1000.0);
      }
    }
    object.put("phaseSeconds", phases);
    object.put("parser", s.parser());
    object.put(
        "skipped",
        s.skipped().stream()
            .map(skip -> {
              Map<String, String> entry = new LinkedHashMap<>();
              entry.put("path", skip.path());
              entry.put("reason", skip.reason());
              entry.put("detail", skip.detail());
              return entry;
            })
            .toList());
    return JsonMapper.builder().build().writeValueAsString(object) + System.lineSeparator();
  }

  private static void line(StringBuilder out, String label, long value, String detail) {
    out.append(String.format(Locale.ROOT, "  %-11s %,10d", label, value));
    if (!detail.isEmpty()) {
      out.append("  (").append(detail).append(')');
    }
    out.append(System.lineSeparator());
  }

  private static String languages(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + count(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
