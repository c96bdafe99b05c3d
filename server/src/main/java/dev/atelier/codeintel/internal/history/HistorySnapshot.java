package dev.atelier.codeintel.internal.history;

import dev.atelier.codeintel.ChangeHistory.CoChange;
import dev.atelier.codeintel.ChangeHistory.FileChurn;
import dev.atelier.codeintel.ChangeHistory.History;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One walk's result. Files are numbered; each counted commit keeps the numbers of the files it
 * touched and each file the commits that touched it, so a file's co-changes are counted when asked
 * (its commits times their files, a few thousand steps) instead of storing every pair.
 */
final class HistorySnapshot implements History {

  private final boolean available;
  private final String status;
  private final @Nullable String head;
  private final Map<String, Integer> ids;
  private final List<String> paths;
  private final List<FileChurn> churn;
  private final int[][] commitFiles;
  private final int[][] fileCommits;
  private final List<WalkedCommit> walked;
  private final boolean capped;
  private final boolean outOfTime;

  HistorySnapshot(
      String status,
      @Nullable String head,
      Map<String, Integer> ids,
      List<String> paths,
      List<FileChurn> churn,
      int[][] commitFiles,
      int[][] fileCommits,
      List<WalkedCommit> walked,
      boolean capped,
      boolean outOfTime) {
    this.available = head != null;
    this.walked = List.copyOf(walked);
    this.capped = capped;
    this.outOfTime = outOfTime;
    this.status = status;
    this.head = head;
    this.ids = Map.copyOf(ids);
    this.paths = List.copyOf(paths);
    this.churn = List.copyOf(churn);
    this.commitFiles = commitFiles;
    this.fileCommits = fileCommits;
  }

  static HistorySnapshot unavailable(String why) {
    return new HistorySnapshot(
        "no git history: " + why,
        null,
        Map.of(),
        List.of(),
        List.of(),
        new int[0][],
        new int[0][],
        List.of(),
        false,
        false);
  }

  /** The commits walked, newest first, for the next head's walk to reuse. */
  List<WalkedCommit> walked() {
    return walked;
  }

  boolean capped() {
    return capped;
  }

  boolean outOfTime() {
    return outOfTime;
  }

  @Override
  public boolean available() {
    return available;
  }

  @Override
  public String status() {
    return status;
  }

  @Override
  public @Nullable String head() {
    return head;
  }

  @Override
  public int commits() {
    return commitFiles.length;
  }

  @Override
  public Optional<FileChurn> churn(String path) {
    Integer id = ids.get(path);
    return id == null ? Optional.empty() : Optional.of(churn.get(id));
  }

  @Override
  public Collection<FileChurn> files() {
    return churn;
  }

  @Override
  public List<CoChange> coChanges(String path, int minSupport) {
    Integer id = ids.get(path);
    if (id == null) {
      return List.of();
    }
    Map<Integer, Integer> support = new HashMap<>();
    for (int commit : fileCommits[id]) {
      for (int other : commitFiles[commit]) {
        if (other != id) {
          support.merge(other, 1, Integer::sum);
        }
      }
    }
    double own = fileCommits[id].length;
    List<CoChange> out = new ArrayList<>();
    support.forEach((other, count) -> {
      if (count >= minSupport) {
        out.add(new CoChange(paths.get(other), count, Math.round(count / own * 1000) / 1000.0));
      }
    });
    out.sort(
        Comparator.comparingInt(CoChange::support)
            .reversed()
            .thenComparing(Comparator.comparingDouble(CoChange::confidence).reversed())
            .thenComparing(CoChange::path));
    return out;
  }
}
