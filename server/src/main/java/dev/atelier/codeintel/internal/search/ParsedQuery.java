package dev.atelier.codeintel.internal.search;

import dev.atelier.codeintel.Language;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A text query with its filters taken out (see {@link QueryParser}).
 *
 * @param pattern what to look for in the files' text
 * @param caseSensitive whether {@code case:yes} was given
 * @param files path patterns that must all be found in a path ({@code file:})
 * @param notFiles path patterns none of which may be found in a path ({@code -file:})
 * @param languages the file's language must be one of these, when not empty ({@code lang:})
 * @param notLanguages the file's language must not be one of these ({@code -lang:})
 * @param repos patterns that must all be found in the repository's name ({@code repo:})
 */
record ParsedQuery(
    String pattern,
    boolean caseSensitive,
    List<Pattern> files,
    List<Pattern> notFiles,
    Set<Language> languages,
    Set<Language> notLanguages,
    List<Pattern> repos) {

  ParsedQuery {
    files = List.copyOf(files);
    notFiles = List.copyOf(notFiles);
    languages = Set.copyOf(languages);
    notLanguages = Set.copyOf(notLanguages);
    repos = List.copyOf(repos);
  }

  boolean acceptsPath(String path) {
    for (Pattern file : files) {
      if (!file.matcher(path).find()) {
        return false;
      }
    }
    for (Pattern file : notFiles) {
      if (file.matcher(path).find()) {
        return false;
      }
    }
    if (languages.isEmpty() && notLanguages.isEmpty()) {
      return true;
    }
    Language language = Language.ofPath(path);
    return (languages.isEmpty() || languages.contains(language))
        && !notLanguages.contains(language);
  }

  boolean acceptsRepository(String name) {
    return repos.stream().allMatch(repo -> repo.matcher(name).find());
  }
}
