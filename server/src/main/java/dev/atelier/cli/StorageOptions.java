package dev.atelier.cli;

import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.LogFormat;
import dev.atelier.platform.Mode;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Where state lives, shared by every command that opens storage. */
final class StorageOptions {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "${env:ATELIER_DATA}",
      description = "Data folder (default: PATH/.atelier; env ATELIER_DATA).")
  @Nullable Path data;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "${env:ATELIER_MODE:-local}",
      description =
          "local (SQLite, the default) or service (PostgreSQL + Redis; env ATELIER_MODE).")
  Mode mode = Mode.LOCAL;

  @Option(
      names = "--db-url",
      paramLabel = "URL",
      defaultValue = "${env:ATELIER_DB_URL}",
      description = "PostgreSQL URL in service mode (env ATELIER_DB_URL).")
  @Nullable String databaseUrl;

  @Option(
      names = "--redis-url",
      paramLabel = "URL",
      defaultValue = "${env:ATELIER_REDIS_URL}",
      description = "Redis URL in service mode (env ATELIER_REDIS_URL).")
  @Nullable String redisUrl;

  AtelierSettings settings(
      Path workspace, String host, int port, LogFormat logFormat, long maxRequestBytes) {
    return new AtelierSettings(
        mode,
        workspace.toAbsolutePath().normalize(),
        dataDir(data, workspace),
        host,
        port,
        blankToNull(databaseUrl),
        blankToNull(redisUrl),
        logFormat,
        maxRequestBytes,
        mode == Mode.SERVICE);
  }

  /** Settings for a command that opens storage but serves nothing (index, search). */
  AtelierSettings settings(Path workspace) {
    return settings(
        workspace,
        AtelierSettings.DEFAULT_HOST,
        AtelierSettings.DEFAULT_PORT,
        LogFormat.PLAIN,
        AtelierSettings.DEFAULT_MAX_REQUEST_BYTES);
  }

  /** The data folder: {@code --data} when given, else {@code WORKSPACE/.atelier}. */
  static Path dataDir(@Nullable Path data, Path workspace) {
    return data != null
        ? data.toAbsolutePath().normalize()
        : workspace.toAbsolutePath().normalize().resolve(".atelier");
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
