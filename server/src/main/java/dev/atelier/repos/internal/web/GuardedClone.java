package dev.atelier.repos.internal.web;

import dev.atelier.platform.AtelierException;
import dev.atelier.repos.ReposError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.lib.EmptyProgressMonitor;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One clone of a checked {@link GitUrlPolicy.Remote}, within a size and a total-time cap: HTTP goes
 * only to the URL's own host (a redirect elsewhere fails the clone, and the host is checked again
 * at every connection, against DNS rebinding), and a failure is described by what kind it was,
 * never by echoing what the foreign server answered.
 */
final class GuardedClone {

  private static final Logger log = LoggerFactory.getLogger(GuardedClone.class);
  private static final int IO_TIMEOUT_SECONDS = 30;

  private final GitUrlPolicy policy;
  private final long maxBytes;
  private final Duration maxTime;

  GuardedClone(GitUrlPolicy policy, long maxBytes, Duration maxTime) {
    this.policy = policy;
    this.maxBytes = maxBytes;
    this.maxTime = maxTime;
  }

  /** Clones into {@code target} (which must not exist) and returns its real path. */
  Path cloneInto(GitUrlPolicy.Remote remote, Path target) {
    Caps caps = new Caps(target, maxBytes, System.nanoTime() + maxTime.toNanos());
    try (Git git =
        Git.cloneRepository()
            .setURI(remote.url())
            .setDirectory(target.toFile())
            .setTimeout(IO_TIMEOUT_SECONDS)
            .setCloneSubmodules(false)
            .setProgressMonitor(caps)
            .setTransportConfigCallback(transport -> {
              if (transport instanceof TransportHttp http) {
                http.setHttpConnectionFactory(new SameHostConnections(remote, policy));
              }
            })
            .call()) {
      return git.getRepository().getWorkTree().toPath().toRealPath();
    } catch (GitAPIException | IOException | RuntimeException e) {
      deleteQuietly(target);
      if (e instanceof AtelierException known) {
        throw known;
      }
      throw explain(remote, caps, e);
    }
  }

  private AtelierException explain(GitUrlPolicy.Remote remote, Caps caps, Exception e) {
    // The foreign server's words stay in the log; the client learns only the kind of failure.
    log.info("clone of {} failed: {}", remote.host(), e.toString());
    if (caps.tooLarge) {
      return new AtelierException(
          ReposError.CLONE_TOO_LARGE,
          "the repository is larger than the clone limit of " + maxBytes / (1024 * 1024) + " MiB");
    }
    if (caps.tooSlow) {
      return new AtelierException(
          ReposError.CLONE_FAILED,
          "the clone took longer than its limit of " + maxTime.toSeconds() + " s");
    }
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof AtelierException known) {
        return known;
      }
      if (cause instanceof RedirectRefused refused) {
        return new AtelierException(
            ReposError.GIT_URL_NOT_ALLOWED, String.valueOf(refused.getMessage()));
      }
      if (cause instanceof NoRemoteRepositoryException) {
        return new AtelierException(ReposError.CLONE_FAILED, "no git repository at that URL");
      }
      if (cause instanceof java.net.UnknownHostException) {
        return new AtelierException(ReposError.CLONE_FAILED, "the host could not be resolved");
      }
      if (cause instanceof java.net.ConnectException
          || cause instanceof java.net.SocketTimeoutException) {
        return new AtelierException(ReposError.CLONE_FAILED, "the host did not answer");
      }
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("not authorized") || message.contains("authentication")) {
        return new AtelierException(
            ReposError.CLONE_FAILED,
            "the server asks for credentials; only public repositories can be cloned");
      }
      cause = cause.getCause();
    }
    return new AtelierException(
        ReposError.CLONE_FAILED, "the server did not answer as a git server");
  }

  /** Cancels the clone once the folder outgrows the size cap or the time cap passes. */
  private static final class Caps extends EmptyProgressMonitor {
    private final Path target;
    private final long maxBytes;
    private final long deadline;
    private long nextCheck;
    volatile boolean tooLarge;
    volatile boolean tooSlow;

    Caps(Path target, long maxBytes, long deadline) {
      this.target = target;
      this.maxBytes = maxBytes;
      this.deadline = deadline;
    }

    @Override
    public boolean isCancelled() {
      long now = System.nanoTime();
      if (now - deadline > 0) {
        tooSlow = true;
      } else if (now - nextCheck > 0) {
        nextCheck = now + 500_000_000L;
        tooLarge = sizeOf(target) > maxBytes;
      }
      return tooLarge || tooSlow;
    }

    private static long sizeOf(Path folder) {
      if (!Files.isDirectory(folder)) {
        return 0;
      }
      try (Stream<Path> files = Files.walk(folder)) {
        return files.filter(Files::isRegularFile).mapToLong(GuardedClone::sizeQuietly).sum();
      } catch (IOException | UncheckedIOException e) {
        return 0;
      }
    }
  }

  private static long sizeQuietly(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** A connection JGit opens, to the clone URL's own host only (scheme may go http to https). */
  private static final class SameHostConnections implements HttpConnectionFactory {
    private final HttpConnectionFactory delegate = new JDKHttpConnectionFactory();
    private final GitUrlPolicy.Remote remote;
    private final GitUrlPolicy policy;

    SameHostConnections(GitUrlPolicy.Remote remote, GitUrlPolicy policy) {
      this.remote = remote;
      this.policy = policy;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
      check(url);
      return delegate.create(url);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
      check(url);
      return delegate.create(url, proxy);
    }

    private void check(URL url) throws RedirectRefused {
      String scheme = url.getProtocol().toLowerCase(Locale.ROOT);
      boolean sameHost = url.getHost().equalsIgnoreCase(String.valueOf(remote.host()));
      boolean samePort =
          effectivePort(scheme, url.getPort()) == effectivePort(remote.scheme(), remote.port());
      boolean upgrade =
          remote.scheme().equals("http") && scheme.equals("https") && url.getPort() < 0;
      if (!sameHost || !(samePort || upgrade)) {
        throw new RedirectRefused(
            "cannot clone: the server redirected to another host or port, which is not followed");
      }
      policy.requirePublic(remote.url(), url.getHost());
    }

    private static int effectivePort(String scheme, int port) {
      return port >= 0 ? port : scheme.equals("https") ? 443 : 80;
    }
  }

  /** Thrown inside JGit's transport; recognised again on the way out. */
  private static final class RedirectRefused extends IOException {
    RedirectRefused(String message) {
      super(message);
    }
  }

  // A failed clone leaves no half-written folder behind.
  private static void deleteQuietly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // nothing more to do: the next clone picks another folder name
    }
  }
}
