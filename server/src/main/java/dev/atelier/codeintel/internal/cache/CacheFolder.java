package dev.atelier.codeintel.internal.cache;

import dev.atelier.platform.PrivateFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files in {@code DATA/cache/} that hold what is slow to rebuild from the database (graph arrays,
 * the retrieval index), so that a new process maps them instead of recomputing. Each file names the
 * exact state it was built from (its key: manifest id and the like); a different key, a damaged or
 * truncated file is a miss and is rebuilt, never an answer. Files are written to a temporary name
 * and renamed into place, owner-only. Without a folder (service mode) everything is built in
 * memory.
 */
public final class CacheFolder {

  private static final Logger log = LoggerFactory.getLogger(CacheFolder.class);

  private static final long MAGIC = 0x31484341434c5441L; // "ATLCACH1", little-endian
  // Bumped whenever any layout changes, so that files of an older build are misses.
  private static final int FORMAT = 1;
  private static final int TRAILER = 24;

  private final @Nullable Path folder;
  private final AtomicLong loads = new AtomicLong();
  private final AtomicLong builds = new AtomicLong();

  private CacheFolder(@Nullable Path folder) {
    this.folder = folder;
  }

  /** Caches in {@code folder}, created owner-only on first write. */
  public static CacheFolder at(Path folder) {
    return new CacheFolder(folder.toAbsolutePath().normalize());
  }

  /** No files: everything is built in memory. */
  public static CacheFolder none() {
    return new CacheFolder(null);
  }

  /** How many values this process read from files (for tests and logs). */
  public long loads() {
    return loads.get();
  }

  /** How many values this process had to build. */
  public long builds() {
    return builds.get();
  }

  /** The file a name is kept in, if there is a folder. */
  public Optional<Path> file(String name) {
    return folder == null ? Optional.empty() : Optional.of(folder.resolve(name + ".bin"));
  }

  /**
   * The value stored under {@code name} when it was built for {@code key}; otherwise built now and
   * stored. A file that cannot be read back is deleted and rebuilt; one that cannot be written only
   * costs the next process the same build.
   */
  public <T> T readOrBuild(
      String name,
      String key,
      Function<CacheReader, T> read,
      Supplier<T> build,
      BiConsumer<T, CacheWriter> write) {
    Optional<T> stored = read(name, key, read);
    if (stored.isPresent()) {
      loads.incrementAndGet();
      return stored.get();
    }
    T built = build.get();
    builds.incrementAndGet();
    store(name, key, built, write);
    return built;
  }

  /** The stored value, if the file exists, was built for {@code key} and reads back whole. */
  public <T> Optional<T> read(String name, String key, Function<CacheReader, T> read) {
    Optional<Path> file = file(name);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<ByteBuffer> payload = payload(file.get(), key);
      return payload.map(p -> read.apply(new CacheReader(p)));
    } catch (IOException | RuntimeException e) {
      log.warn("cache file {} is damaged ({}); rebuilding it", file.get(), e.toString());
      delete(file.get());
      return Optional.empty();
    }
  }

  /** Deletes a stored value (one found damaged after it was read, say). */
  public void evict(String name) {
    file(name).ifPresent(CacheFolder::delete);
  }

  /** Deletes the oldest files whose names start with {@code prefix}, keeping the newest few. */
  public void prune(String prefix, int keep) {
    if (folder == null || !Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> listed = Files.list(folder)) {
      List<Path> matching =
          listed
              .filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".bin");
              })
              .sorted(Comparator.comparing(CacheFolder::modified).reversed())
              .toList();
      matching.stream().skip(keep).forEach(CacheFolder::delete);
    } catch (IOException e) {
      log.debug("could not list {}", folder, e);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static Optional<ByteBuffer> payload(Path file, String key) throws IOException {
    MappedByteBuffer mapped;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    ByteBuffer all = mapped.order(ByteOrder.LITTLE_ENDIAN);
    byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
    int header = 16 + wanted.length;
    if (all.capacity() < 16 + TRAILER || all.getLong(0) != MAGIC) {
      throw new CorruptCacheFile("not a cache file, or truncated");
    }
    if (all.getInt(8) != FORMAT || all.getInt(12) != wanted.length) {
      return Optional.empty();
    }
    for (int i = 0; i < wanted.length; i++) {
      if (all.get(16 + i) != wanted[i]) {
        return Optional.empty();
      }
    }
    int end = all.capacity() - TRAILER;
    long length = all.getLong(end);
    if (all.getLong(end + 16) != MAGIC || length != end - header) {
      throw new CorruptCacheFile("truncated: the trailer does not match the payload");
    }
    ByteBuffer payload = all.slice(header, end - header).order(ByteOrder.LITTLE_ENDIAN);
    CRC32C crc = new CRC32C();
    crc.update(payload.duplicate());
    if (crc.getValue() != all.getLong(end + 8)) {
      throw new CorruptCacheFile("checksum mismatch");
    }
    return Optional.of(payload);
  }

  private <T> void store(String name, String key, T value, BiConsumer<T, CacheWriter> write) {
    if (folder == null) {
      return;
    }
    Path target = folder.resolve(name + ".bin");
    Path temporary = null;
    try {
      PrivateFiles.createDirectories(folder);
      temporary = PrivateFiles.createTemporary(folder, name);
      try (OutputStream file =
          new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        ByteBuffer head = ByteBuffer.allocate(16 + keyBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(MAGIC).putInt(FORMAT).putInt(keyBytes.length).put(keyBytes);
        file.write(head.array());
        CRC32C crc = new CRC32C();
        CacheWriter writer = new CacheWriter(new CheckedOutputStream(file, crc));
        write.accept(value, writer);
        writer.flush();
        ByteBuffer tail = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
        tail.putLong(writer.position()).putLong(crc.getValue()).putLong(MAGIC);
        file.write(tail.array());
      }
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      log.warn("could not write cache file {}: {}", target, e.toString());
    } finally {
      if (temporary != null) {
        delete(temporary);
      }
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.debug("could not delete {}", file, e);
    }
  }
}
