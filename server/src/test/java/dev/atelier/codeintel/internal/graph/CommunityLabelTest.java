package dev.atelier.codeintel.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommunityLabelTest {

  @Test
  void namesAClusterByThePackageMostOfItsFilesAreIn() {
    assertThat(
            CommunityFinder.label(
                List.of(
                    "com/google/common/annotations/GwtCompatible.java",
                    "com/google/common/cache/LocalCache.java",
                    "com/google/common/cache/CacheBuilder.java",
                    "com/google/common/cache/Cache.java")))
        .isEqualTo("com/google/common/cache +1 folder (4 files)");
    assertThat(CommunityFinder.label(List.of("x/a.py", "x/b.py"))).isEqualTo("x (2 files)");
    assertThat(CommunityFinder.label(List.of("a.py"))).isEqualTo("(root) (1 file)");
  }
}
