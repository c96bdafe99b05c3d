package dev.atelier.repos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterWorkingTreeTest {

  @TempDir Path tree;
  @TempDir Path data;

  @Test
  void concurrentCallersForOneFolderGetTheSameRepository() throws Exception {
    try (Database database = Database.open(AtelierSettings.local(tree).withDataDir(data));
        ExecutorService threads = Executors.newFixedThreadPool(8)) {
      Repositories repositories = ReposStorage.of(database).repositories();
      List<Future<Repository>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(threads.submit(() -> repositories.registerWorkingTree(1, tree)));
      }
      List<RepositoryId> ids = new ArrayList<>();
      for (Future<Repository> call : calls) {
        ids.add(call.get().id());
      }

      assertThat(ids).containsOnly(ids.getFirst());
      assertThat(repositories.list(1)).hasSize(1);
    }
  }
}
