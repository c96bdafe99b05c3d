package dev.atelier.codeintel.internal.history;

import static java.util.Objects.requireNonNull;

import dev.atelier.codeintel.ChangeHistory.History;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.jspecify.annotations.Nullable;

/**
 * The histories computed so far, by repository, folder and head commit: a new head is a new entry,
 * computed once however many calls ask at the same time. Only the last few are kept.
 */
public final class HistoryCache {

  private static final int KEEP = 16;

  private record Key(String gitDir, String prefix, String head) {}

  private record Folder(String gitDir, String prefix) {}

  private final GitHistoryReader reader;
  private final Map<Key, CompletableFuture<HistorySnapshot>> histories =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<HistorySnapshot>> e) {
          return size() > KEEP;
        }
      };

  // the newest history of each folder, which the walk from its next head extends
  private final Map<Folder, HistorySnapshot> latest = new LinkedHashMap<>();

  public HistoryCache(GitHistoryReader reader) {
    this.reader = requireNonNull(reader, "reader is null");
  }

  /** The history of the folder at {@code location} from {@code commit} (else its HEAD). */
  public History history(String location, @Nullable String commit) {
    GitHistoryReader.Lookup lookup = GitHistoryReader.locate(location);
    if (lookup instanceof GitHistoryReader.Missing missing) {
      return HistorySnapshot.unavailable(missing.why());
    }
    GitHistoryReader.Location found = (GitHistoryReader.Location) lookup;
    try (Repository repository = GitHistoryReader.open(found)) {
      ObjectId head = GitHistoryReader.head(repository, commit);
      if (head == null) {
        return HistorySnapshot.unavailable("the git repository has no commits yet");
      }
      Key key = new Key(found.gitDir().getPath(), found.prefix(), head.name());
      CompletableFuture<HistorySnapshot> mine = new CompletableFuture<>();
      CompletableFuture<HistorySnapshot> theirs;
      synchronized (histories) {
        theirs = histories.putIfAbsent(key, mine);
      }
      if (theirs != null) {
        return theirs.join();
      }
      Folder folder = new Folder(key.gitDir(), key.prefix());
      HistorySnapshot previous;
      synchronized (histories) {
        previous = latest.get(folder);
      }
      try {
        HistorySnapshot snapshot = reader.read(repository, head, found.prefix(), previous);
        synchronized (histories) {
          latest.put(folder, snapshot);
          if (latest.size() > KEEP) {
            latest.remove(latest.keySet().iterator().next());
          }
        }
        mine.complete(snapshot);
      } catch (IOException | RuntimeException e) {
        synchronized (histories) {
          histories.remove(key, mine);
        }
        mine.completeExceptionally(e);
      }
      return mine.join();
    } catch (IOException e) {
      return HistorySnapshot.unavailable("cannot read the git repository: " + e.getMessage());
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return HistorySnapshot.unavailable("cannot read the git history: " + cause.getMessage());
    }
  }
}
