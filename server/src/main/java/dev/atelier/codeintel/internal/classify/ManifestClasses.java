package dev.atelier.codeintel.internal.classify;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.internal.index.CodeIndexStore;
import dev.atelier.repos.FileClass;
import dev.atelier.repos.ManifestEntry;
import dev.atelier.repos.RepoPath;
import dev.atelier.repos.Sha256;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives the entries of a manifest being written their class. Content parsed in this run brings its
 * generator's marker from the parse; content parsed before is looked at once more, from the start
 * of its stored bytes, which happens for a renamed file, a second branch, or rows written before
 * classes existed.
 */
public final class ManifestClasses {

  private final FileClassifier classifier;
  private final CodeIndexStore store;

  public ManifestClasses(FileClassifier classifier, CodeIndexStore store) {
    this.classifier = requireNonNull(classifier, "classifier is null");
    this.store = requireNonNull(store, "store is null");
  }

  /**
   * {@code entries} with their classes.
   *
   * @param parsed the contents parsed in this run
   * @param generatedMarkers those of them that carry a generator's marker
   */
  public List<ManifestEntry> classify(
      long orgId, List<ManifestEntry> entries, Set<Sha256> parsed, Set<Sha256> generatedMarkers) {
    Set<Sha256> unseen = new HashSet<>();
    for (ManifestEntry entry : entries) {
      if (!parsed.contains(entry.sha())) {
        unseen.add(entry.sha());
      }
    }
    Set<Sha256> marked = new HashSet<>(generatedMarkers);
    if (!unseen.isEmpty()) {
      Map<Sha256, String> heads = store.heads(orgId, unseen, FileClassifier.HEAD_BYTES);
      heads.forEach((sha, head) -> {
        if (classifier.hasGeneratedMarker(head)) {
          marked.add(sha);
        }
      });
    }
    List<ManifestEntry> out = new ArrayList<>(entries.size());
    for (ManifestEntry entry : entries) {
      out.add(
          new ManifestEntry(
              entry.path(), entry.sha(), of(entry.path(), marked.contains(entry.sha()))));
    }
    return out;
  }

  private FileClass of(RepoPath path, boolean generatedMarker) {
    return classifier.classify(path.value(), generatedMarker);
  }
}
