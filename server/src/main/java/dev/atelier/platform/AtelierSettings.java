package dev.atelier.platform;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Everything a running Atelier needs to know about where it lives, resolved once from flags and
 * environment at start-up and then passed around unchanged.
 *
 * @param mode local (SQLite) or service (PostgreSQL + Redis)
 * @param workspace the repository folder this process serves
 * @param dataDir where local state lives (the SQLite file, tokens, caches)
 * @param host the address the HTTP server binds to
 * @param port the HTTP port; 0 picks a free one
 * @param databaseUrl the PostgreSQL URL in service mode
 * @param redisUrl the Redis URL in service mode
 * @param logFormat console log format
 * @param maxRequestBytes the largest request body accepted over HTTP
 * @param authRequired whether every caller signs in with an account (always in service mode; {@code
 *     serve --auth} in local mode); otherwise the install's owner is implicit
 */
public record AtelierSettings(
    Mode mode,
    Path workspace,
    Path dataDir,
    String host,
    int port,
    @Nullable String databaseUrl,
    @Nullable String redisUrl,
    LogFormat logFormat,
    long maxRequestBytes,
    boolean authRequired) {

  public static final int DEFAULT_PORT = 7420;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;

  public AtelierSettings {
    requireNonNull(mode, "mode is null");
    requireNonNull(workspace, "workspace is null");
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(host, "host is null");
    requireNonNull(logFormat, "logFormat is null");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
    }
    // Service mode serves teams: there is no implicit owner to fall back to.
    authRequired = authRequired || mode == Mode.SERVICE;
    if (maxRequestBytes <= 0) {
      throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
    }
    if (mode == Mode.SERVICE && (databaseUrl == null || redisUrl == null)) {
      throw new AtelierException(
          PlatformError.MISCONFIGURED,
          "service mode needs ATELIER_DB_URL (PostgreSQL, e.g."
              + " postgresql://postgres@127.0.0.1:5432/atelier) and ATELIER_REDIS_URL (e.g."
              + " redis://127.0.0.1:6379)");
    }
  }

  /** Local-mode settings for a workspace, with data in {@code WORKSPACE/.atelier}. */
  public static AtelierSettings local(Path workspace) {
    Path root = workspace.toAbsolutePath().normalize();
    return new AtelierSettings(
        Mode.LOCAL,
        root,
        root.resolve(".atelier"),
        DEFAULT_HOST,
        DEFAULT_PORT,
        null,
        null,
        LogFormat.PLAIN,
        DEFAULT_MAX_REQUEST_BYTES,
        false);
  }

  public AtelierSettings withPort(int newPort) {
    return new AtelierSettings(
        mode,
        workspace,
        dataDir,
        host,
        newPort,
        databaseUrl,
        redisUrl,
        logFormat,
        maxRequestBytes,
        authRequired);
  }

  public AtelierSettings withDataDir(Path newDataDir) {
    return new AtelierSettings(
        mode,
        workspace,
        newDataDir.toAbsolutePath().normalize(),
        host,
        port,
        databaseUrl,
        redisUrl,
        logFormat,
        maxRequestBytes,
        authRequired);
  }

  public AtelierSettings withService(String newDatabaseUrl, String newRedisUrl) {
    return new AtelierSettings(
        Mode.SERVICE,
        workspace,
        dataDir,
        host,
        port,
        newDatabaseUrl,
        newRedisUrl,
        logFormat,
        maxRequestBytes,
        true);
  }

  public AtelierSettings withMaxRequestBytes(long newMaxRequestBytes) {
    return new AtelierSettings(
        mode,
        workspace,
        dataDir,
        host,
        port,
        databaseUrl,
        redisUrl,
        logFormat,
        newMaxRequestBytes,
        authRequired);
  }

  public AtelierSettings withAuthRequired(boolean required) {
    return new AtelierSettings(
        mode,
        workspace,
        dataDir,
        host,
        port,
        databaseUrl,
        redisUrl,
        logFormat,
        maxRequestBytes,
        required || mode == Mode.SERVICE);
  }
}
