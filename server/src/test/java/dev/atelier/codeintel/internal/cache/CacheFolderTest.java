package dev.atelier.codeintel.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFolderTest {

  @TempDir Path data;

  private record Value(String name, int[] numbers, float[] weights) {}

  private static Value read(CacheReader in) {
    return new Value(in.readString(), in.readInts(), in.readFloats());
  }

  private static void write(Value value, CacheWriter out) {
    out.writeString(value.name());
    out.writeInts(value.numbers());
    out.writeFloats(value.weights());
  }

  private final List<String> built = new ArrayList<>();

  private Value readOrBuild(CacheFolder folder, String key) {
    return folder.readOrBuild(
        "value",
        key,
        CacheFolderTest::read,
        () -> {
          built.add(key);
          return new Value("built for " + key, new int[] {1, 2, 3}, new float[] {0.5f});
        },
        CacheFolderTest::write);
  }

  @Test
  void aValueWrittenByOneFolderIsReadBackByAnotherForTheSameKey() throws Exception {
    readOrBuild(CacheFolder.at(data.resolve("cache")), "manifest 7");
    CacheFolder second = CacheFolder.at(data.resolve("cache"));

    Value value = readOrBuild(second, "manifest 7");

    assertThat(built).containsExactly("manifest 7");
    assertThat(value.name()).isEqualTo("built for manifest 7");
    assertThat(value.numbers()).containsExactly(1, 2, 3);
    assertThat(value.weights()).containsExactly(0.5f);
    assertThat(second.loads()).isEqualTo(1);
    assertThat(second.builds()).isZero();
    assertThat(Files.getPosixFilePermissions(data.resolve("cache/value.bin")))
        .isEqualTo(PrivateFiles.OWNER_ONLY);
    assertThat(Files.getPosixFilePermissions(data.resolve("cache")))
        .isEqualTo(PrivateFiles.OWNER_ONLY_FOLDER);
    try (Stream<Path> files = Files.list(data.resolve("cache"))) {
      assertThat(files).as("no temporary file left").hasSize(1);
    }
  }

  @Test
  void anotherKeyIsAMissAndReplacesTheFile() {
    CacheFolder folder = CacheFolder.at(data.resolve("cache"));
    readOrBuild(folder, "manifest 7");

    Value value = readOrBuild(CacheFolder.at(data.resolve("cache")), "manifest 8");

    assertThat(value.name()).isEqualTo("built for manifest 8");
    assertThat(built).containsExactly("manifest 7", "manifest 8");
    assertThat(
            CacheFolder.at(data.resolve("cache"))
                .read("value", "manifest 7", CacheFolderTest::read))
        .as("the older key's value is gone")
        .isEmpty();
  }

  @Test
  void aFlippedByteOrATruncatedOrForeignFileIsRebuiltNotRead() throws Exception {
    Path file = data.resolve("cache/value.bin");
    readOrBuild(CacheFolder.at(data.resolve("cache")), "k");
    byte[] whole = Files.readAllBytes(file);
    List<byte[]> damaged = new ArrayList<>();
    byte[] flipped = whole.clone();
    flipped[whole.length - 30] ^= 1;
    damaged.add(flipped);
    damaged.add(java.util.Arrays.copyOf(whole, whole.length - 5));
    damaged.add(java.util.Arrays.copyOf(whole, 10));
    damaged.add(new byte[0]);
    damaged.add(
        "not a cache file at all, just text".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    for (byte[] bytes : damaged) {
      Files.write(file, bytes);
      built.clear();
      Value value = readOrBuild(CacheFolder.at(data.resolve("cache")), "k");
      assertThat(built).containsExactly("k");
      assertThat(value.numbers()).containsExactly(1, 2, 3);
      assertThat(Files.readAllBytes(file)).as("rewritten whole").isEqualTo(whole);
    }
  }

  @Test
  void withoutAFolderEverythingIsBuiltAndNothingWritten() {
    CacheFolder none = CacheFolder.none();

    readOrBuild(none, "k");
    readOrBuild(none, "k");

    assertThat(built).containsExactly("k", "k");
    assertThat(none.file("value")).isEmpty();
  }

  @Test
  void pruneKeepsTheNewestFilesOfAPrefix() throws Exception {
    CacheFolder folder = CacheFolder.at(data.resolve("cache"));
    for (int m = 1; m <= 4; m++) {
      folder.readOrBuild(
          "retrieval-1-" + m,
          "m" + m,
          CacheFolderTest::read,
          () -> new Value("v", new int[0], new float[0]),
          CacheFolderTest::write);
      Files.setLastModifiedTime(
          data.resolve("cache/retrieval-1-" + m + ".bin"),
          java.nio.file.attribute.FileTime.fromMillis(1_000_000L * m));
    }

    folder.prune("retrieval-1-", 2);

    try (Stream<Path> files = Files.list(data.resolve("cache"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("retrieval-1-3.bin", "retrieval-1-4.bin");
    }
  }
}
