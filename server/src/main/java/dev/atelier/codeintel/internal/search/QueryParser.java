package dev.atelier.codeintel.internal.search;

import dev.atelier.codeintel.CodeIntelError;
import dev.atelier.codeintel.Language;
import dev.atelier.platform.AtelierException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The first step of a text search: splits what a person typed into the text to find and the filters
 * beside it, as Sourcegraph and zoekt read them. A whitespace-separated word {@code key:value} with
 * a known key is a filter wherever it stands; everything else, with its inner spacing kept, is the
 * pattern. Path and repository filters are regular expressions found anywhere in the name,
 * case-insensitive unless {@code case:yes}.
 */
public final class QueryParser {

  private static final Map<String, Set<Language>> LANGUAGES =
      Map.ofEntries(
          Map.entry("java", EnumSet.of(Language.JAVA)),
          Map.entry("python", EnumSet.of(Language.PYTHON)),
          Map.entry("py", EnumSet.of(Language.PYTHON)),
          Map.entry("javascript", EnumSet.of(Language.JAVASCRIPT)),
          Map.entry("js", EnumSet.of(Language.JAVASCRIPT)),
          Map.entry("typescript", EnumSet.of(Language.TYPESCRIPT, Language.TSX)),
          Map.entry("ts", EnumSet.of(Language.TYPESCRIPT, Language.TSX)),
          Map.entry("tsx", EnumSet.of(Language.TSX)),
          Map.entry("go", EnumSet.of(Language.GO)),
          Map.entry("golang", EnumSet.of(Language.GO)),
          Map.entry("rust", EnumSet.of(Language.RUST)),
          Map.entry("rs", EnumSet.of(Language.RUST)),
          Map.entry("c", EnumSet.of(Language.C)),
          Map.entry("cpp", EnumSet.of(Language.CPP)),
          Map.entry("c++", EnumSet.of(Language.CPP)),
          Map.entry("csharp", EnumSet.of(Language.CSHARP)),
          Map.entry("cs", EnumSet.of(Language.CSHARP)),
          Map.entry("c#", EnumSet.of(Language.CSHARP)),
          Map.entry("ruby", EnumSet.of(Language.RUBY)),
          Map.entry("rb", EnumSet.of(Language.RUBY)),
          Map.entry("kotlin", EnumSet.of(Language.KOTLIN)),
          Map.entry("kt", EnumSet.of(Language.KOTLIN)),
          Map.entry("php", EnumSet.of(Language.PHP)),
          Map.entry("text", EnumSet.of(Language.TEXT)));

  private QueryParser() {}

  /** Parses {@code query}; unknown values of known filters are a 400 naming the filter. */
  public static ParsedQuery parse(String query, boolean caseSensitive) {
    List<String> words = new ArrayList<>();
    List<String[]> filters = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    boolean sensitive = caseSensitive;
    int i = 0;
    while (i < query.length()) {
      int start = i;
      while (i < query.length() && !Character.isWhitespace(query.charAt(i))) {
        i++;
      }
      String word = query.substring(start, i);
      String[] filter = filter(word);
      if (filter == null) {
        segment.append(word);
      } else {
        flush(segment, words);
        filters.add(filter);
      }
      int spaceStart = i;
      while (i < query.length() && Character.isWhitespace(query.charAt(i))) {
        i++;
      }
      segment.append(query, spaceStart, i);
    }
    flush(segment, words);
    for (String[] filter : filters) {
      if (filter[0].equals("case")) {
        sensitive = caseValue(filter[1]);
      }
    }
    List<Pattern> files = new ArrayList<>();
    List<Pattern> notFiles = new ArrayList<>();
    List<Pattern> repos = new ArrayList<>();
    Set<Language> languages = EnumSet.noneOf(Language.class);
    Set<Language> notLanguages = EnumSet.noneOf(Language.class);
    for (String[] filter : filters) {
      String key = filter[0];
      String value = filter[1];
      switch (key) {
        case "file", "f" -> files.add(regex(key, value, sensitive));
        case "-file", "-f" -> notFiles.add(regex(key, value, sensitive));
        case "repo", "r" -> repos.add(regex(key, value, sensitive));
        case "lang", "l" -> languages.addAll(language(value));
        case "-lang", "-l" -> notLanguages.addAll(language(value));
        default -> {
          // case: was read above, before the patterns that depend on it were compiled
        }
      }
    }
    String pattern = String.join(" ", words);
    if (pattern.isEmpty()) {
      throw new AtelierException(
          CodeIntelError.INVALID_QUERY,
          "the query has filters but nothing to search for; add the text to find");
    }
    return new ParsedQuery(pattern, sensitive, files, notFiles, languages, notLanguages, repos);
  }

  /** {@code [key, value]} when the word is a filter we know, otherwise null. */
  private static String @org.jspecify.annotations.Nullable [] filter(String word) {
    int colon = word.indexOf(':');
    if (colon <= 0 || colon == word.length() - 1) {
      return null;
    }
    String key = word.substring(0, colon).toLowerCase(Locale.ROOT);
    return switch (key) {
      case "file", "f", "-file", "-f", "lang", "l", "-lang", "-l", "repo", "r", "case" ->
          new String[] {key, word.substring(colon + 1)};
      default -> null;
    };
  }

  private static void flush(StringBuilder segment, List<String> words) {
    String text = segment.toString().strip();
    if (!text.isEmpty()) {
      words.add(text);
    }
    segment.setLength(0);
  }

  private static boolean caseValue(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true", "on" -> true;
      case "no", "n", "false", "off" -> false;
      default ->
          throw new AtelierException(
              CodeIntelError.INVALID_QUERY, "case: takes yes or no, not " + value);
    };
  }

  private static Pattern regex(String key, String value, boolean caseSensitive) {
    try {
      return Pattern.compile(
          value, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new AtelierException(
          CodeIntelError.INVALID_QUERY,
          key
              + ": takes a regular expression; "
              + value
              + " is not one ("
              + e.getDescription()
              + ")");
    }
  }

  private static Set<Language> language(String value) {
    Set<Language> languages = LANGUAGES.get(value.toLowerCase(Locale.ROOT));
    if (languages == null) {
      throw new AtelierException(
          CodeIntelError.INVALID_QUERY,
          "unknown language in lang:" + value + "; known: " + String.join(", ", known()));
    }
    return languages;
  }

  private static List<String> known() {
    return LANGUAGES.keySet().stream().sorted().toList();
  }
}
