package dev.atelier.repos.internal.web;

import dev.atelier.platform.AtelierException;
import dev.atelier.repos.ReposError;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which git URLs may be cloned: https, http and ssh to public addresses (loopback, link-local,
 * private, shared and multicast ranges only when configured), {@code file://} only for folders the
 * {@link LocalFolderPolicy} allows; no part of a URL may begin with {@code -} (it would reach ssh's
 * argument list) or hold control characters.
 */
final class GitUrlPolicy {

  private static final Set<String> NETWORK_SCHEMES = Set.of("https", "http", "ssh");
  private static final Pattern SCP_STYLE = Pattern.compile("([^@/:\\s]+@)?([^@/:\\s]+):(?!//)(.+)");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x20\\x7f]");

  /** A URL that passed: what to hand to git, and the host it may talk to (null for files). */
  record Remote(String url, String scheme, @Nullable String host, int port, @Nullable Path folder) {

    /** The URL as messages and the clone job show it: without a password. */
    String shown() {
      return url.replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }
  }

  private final LocalFolderPolicy folders;
  private final boolean allowPrivateHosts;

  GitUrlPolicy(LocalFolderPolicy folders, boolean allowPrivateHosts) {
    this.folders = folders;
    this.allowPrivateHosts = allowPrivateHosts;
  }

  Remote check(String raw) {
    String url = raw.strip();
    if (url.isEmpty() || url.length() > 2048 || CONTROL.matcher(url).find()) {
      throw refused(raw, "it is empty, too long, or holds spaces or control characters");
    }
    if (!url.contains("://")) {
      Matcher scp = SCP_STYLE.matcher(url);
      if (scp.matches()) {
        // git@host:org/repo.git is ssh://git@host/org/repo.git
        String user = scp.group(1) == null ? "" : scp.group(1);
        return check("ssh://" + user + scp.group(2) + "/" + scp.group(3));
      }
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new AtelierException(ReposError.INVALID_PATH, "not a git URL: " + shown(raw));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String path = uri.getPath();
    if (path == null || path.isBlank() || path.equals("/")) {
      throw new AtelierException(
          ReposError.INVALID_PATH, "a git URL names a repository path: " + shown(raw));
    }
    if (uri.getRawPath().toLowerCase(Locale.ROOT).contains("%00")) {
      throw refused(raw, "its path holds an encoded NUL");
    }
    for (String segment : path.split("/")) {
      if (segment.startsWith("-")) {
        throw refused(raw, "a part of it begins with '-'");
      }
    }
    if (scheme.equals("file")) {
      if (uri.getHost() != null && !uri.getHost().isEmpty()) {
        throw refused(raw, "file URLs name a folder on this machine (file:///path)");
      }
      Path folder = folders.check(Path.of(path));
      return new Remote(folder.toUri().toString(), scheme, null, -1, folder);
    }
    if (!NETWORK_SCHEMES.contains(scheme)) {
      throw new AtelierException(
          ReposError.INVALID_PATH,
          "gitUrl must be an https, http or ssh URL (or file:// under the allowed folders): "
              + shown(raw));
    }
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    int at = authority.lastIndexOf('@');
    if (authority.startsWith("-") || authority.substring(at + 1).startsWith("-")) {
      throw refused(raw, "its host or user begins with '-'");
    }
    String host = uri.getHost();
    String user = uri.getUserInfo();
    if (host == null || host.isEmpty()) {
      throw new AtelierException(
          ReposError.INVALID_PATH, "the git URL names no host: " + shown(raw));
    }
    if (host.startsWith("-") || (user != null && user.startsWith("-"))) {
      throw refused(raw, "its host or user begins with '-'");
    }
    if (user != null && user.contains(":")) {
      throw refused(raw, "it carries a password; only public repositories can be cloned");
    }
    requirePublic(raw, host);
    return new Remote(uri.toString(), scheme, host, uri.getPort(), null);
  }

  /** Refuses a host any of whose addresses is not public, unless private hosts are allowed. */
  void requirePublic(String shownUrl, String host) {
    if (allowPrivateHosts) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new AtelierException(
          ReposError.CLONE_FAILED, "cannot resolve the host of " + shown(shownUrl));
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address)) {
        throw refused(
            shownUrl,
            "its host resolves to a loopback, link-local or private address (allowed only with"
                + " atelier.repos.allow-private-git-hosts=true)");
      }
    }
  }

  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      // 0/8 this network, 100.64/10 shared (carrier NAT), 192.0.0/24, 198.18/15 benchmarking,
      // 240/4 reserved.
      return first != 0
          && !(first == 100 && second >= 64 && second < 128)
          && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
          && !(first == 198 && (second == 18 || second == 19))
          && first < 240;
    }
    if (address instanceof Inet6Address) {
      int first = bytes[0] & 0xff;
      // fc00::/7 unique local; ::ffff:a.b.c.d is judged as the IPv4 address it maps.
      if ((first & 0xfe) == 0xfc) {
        return false;
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= bytes[i] == 0;
      }
      if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
        try {
          return isPublic(
              InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }

  private static AtelierException refused(String url, String why) {
    return new AtelierException(
        ReposError.GIT_URL_NOT_ALLOWED, "cannot clone " + shown(url) + ": " + why);
  }

  // A URL quoted in a message: printable ASCII only, short, without a password.
  private static String shown(String value) {
    String printable =
        value.replaceAll("[^\\x21-\\x7e]", "?").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    return "'" + (printable.length() > 200 ? printable.substring(0, 200) + "..." : printable) + "'";
  }
}
